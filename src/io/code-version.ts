/**
 * The version of the running code: the SHA-256 of the compiled files the CLI was built from
 * (scripts/bundle-cli.mjs). The bundle has it defined at build time; the build then writes it into
 * this module's compiled file (dist/io/code-version.js), so that the commands that run from the
 * compiled modules (simulate, check, compare, serve) carry the same version. Compiled by `tsc` alone,
 * without the bundling step, it is undefined: caches keyed by it (the loaded state of the dataset
 * snapshot) are then not used.
 */

/** Defined by the CLI bundle (scripts/bundle-cli.mjs): the SHA-256 of the compiled code it was built from. */
declare const __CARAVAN_CODE_VERSION__: string | undefined;

/** The version of the running code; undefined when it was not built by `npm run build`. */
export const CODE_VERSION: string | undefined =
  typeof __CARAVAN_CODE_VERSION__ === 'string' ? __CARAVAN_CODE_VERSION__ : undefined;
