// Build step after tsc: the CLI program (dist/cli/program.js) bundled by esbuild into dist/bin, one
// file per command plus shared chunks, with the pure-JavaScript packages it needs at start (commander,
// zod, yaml, fastest-levenshtein) inside, so that a command starts without resolving, reading and
// compiling some two hundred modules. dist/cli/main.js runs it (src/cli/main.ts); dist/index.js (the
// library) and dist/browser.js stay as they are. The simulation's worker thread
// (dist/node/replication-worker.js) is bundled beside it as dist/bin/replication-worker.js, where the
// bundled worker pool (src/node/worker-pool.ts) looks for it, so that its threads start as fast.
//
// The bundle carries its code version: the SHA-256 of every file it was built from, also written to
// dist/bin/code-version.txt for the dataset snapshot (scripts/compile-dataset.mjs), whose cached
// loaded state is used only by code of that version, and into the compiled module
// dist/io/code-version.js (src/io/code-version.ts), so that the commands that run from the modules
// (simulate, check, compare, serve: their worker threads load the modules) use that cache too. The
// version leaves that one file out, so building the bundle again gives the same version. dist/bin
// sits at the same depth as dist/cli, so the paths the code finds from its own location (../data,
// ../../data, ../app) stay the same.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// world-atlas: its JSON is imported with an import attribute, which an external import would lose.
const BUNDLED_PACKAGES = ['commander', 'zod', 'yaml', 'fastest-levenshtein', 'world-atlas'];
/**
 * zod's translations of its messages (`z.locales`: some forty languages, ~360 kB, half of zod) are
 * never used by Caravan, which speaks English: the bundle's `locales` holds English alone, the one
 * zod configures by default. A build that finds `locales` used in the compiled code stops.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    const en = createRequire(import.meta.url).resolve('zod/v4/locales/en.js');
    b.onResolve({ filter: /[/\\]locales[/\\]index\.js$/ }, (args) =>
      /[/\\]node_modules[/\\]zod[/\\]/.test(args.importer) ? { path: 'zod-locales', namespace: 'english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'english-only' }, () => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(en),
      loader: 'js',
    }));
  },
};

/**
 * commander requires `node:child_process` when it loads, for subcommands run as executables, which
 * Caravan has none of; loading that module (with net, streams and the rest) costs a command some
 * 10 ms at start. In the bundle, commander gets it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[/\\]node_modules[/\\]commander[/\\]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents:
        "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

const options = {
  entryPoints: { program: 'dist/cli/program.js', 'replication-worker': 'dist/node/replication-worker.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED_PACKAGES.includes(d)),
  // The packages written as CommonJS (commander, yaml) require Node's modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [zodEnglishOnly, lazyChildProcess],
  logLevel: 'warning',
};

rmSync('dist/bin', { recursive: true, force: true });
// First the list of files the bundle is made of, for its version; then the bundle with it.
const { metafile } = await build({ ...options, write: false, metafile: true });
const VERSION_MODULE = 'dist/io/code-version.js';
const hash = createHash('sha256');
for (const file of Object.keys(metafile.inputs).sort()) {
  if (file === VERSION_MODULE) continue;
  hash.update(`${file}\n`);
  if (existsSync(file)) hash.update(readFileSync(file));
}
const codeVersion = hash.digest('hex');
const usesLocales = Object.keys(metafile.inputs).filter(
  (f) => f.startsWith('dist/') && /\blocales\b/.test(readFileSync(f, 'utf8')),
);
if (usesLocales.length > 0) throw new Error(`zod's locales are used in ${usesLocales.join(', ')}: bundle them`);
await build({ ...options, define: { __CARAVAN_CODE_VERSION__: JSON.stringify(codeVersion) } });
writeFileSync('dist/bin/code-version.txt', `${codeVersion}\n`);
if (!existsSync(VERSION_MODULE)) throw new Error(`${VERSION_MODULE} is missing: run tsc first`);
writeFileSync(
  VERSION_MODULE,
  '// Written by scripts/bundle-cli.mjs: the version of the code of this build (src/io/code-version.ts).\n' +
    `export const CODE_VERSION = ${JSON.stringify(codeVersion)};\n`,
);
