// Build step after tsc: the CLI program (dist/cli/program.js) bundled by esbuild into one script,
// dist/bin/program.cjs, with the pure-JavaScript packages it needs at start (commander, zod, yaml,
// fastest-levenshtein; and for a simulation pure-rand and cli-progress, in its worker too) inside, so
// that a command starts without resolving, reading and compiling some two hundred modules. dist/cli/main.js runs it with V8's code cache of it (src/cli/bundle-loader.ts;
// the cache is made by scripts/code-cache.mjs, the build's last step); dist/index.js (the
// library) and dist/browser.js stay as they are. The simulation's worker thread
// (dist/node/replication-worker.js) is bundled beside it as dist/bin/replication-worker.cjs, where the
// bundled worker pool (src/node/replication-thread.ts) looks for it, so that its threads start as fast.
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
const BUNDLED_PACKAGES = ['commander', 'zod', 'yaml', 'fastest-levenshtein', 'pure-rand', 'cli-progress'];
const externalPackages = (bundled) => Object.keys(pkg.dependencies).filter((d) => !bundled.includes(d));
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

/** What both bundles share. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // world-atlas's maps (100 kB of JSON) stay outside the program: only the commands that draw a map
  // require them, and a required JSON file needs no import attribute.
  external: externalPackages(BUNDLED_PACKAGES),
  plugins: [zodEnglishOnly, lazyChildProcess],
  // ASCII only (other characters escaped, comments and white space dropped: 1.8 → 1.3 MB): reading
  // the bundle then needs no UTF-8 decoding, which cost a start some 10–25 ms.
  charset: 'ascii',
  legalComments: 'none',
  minifyWhitespace: true,
  logLevel: 'warning',
};

/**
 * The program, one CommonJS script (V8's code cache, src/cli/bundle-loader.ts, is open to scripts, not
 * to ES modules, in Node 20). The modules' `import.meta.url` is the bundle's own address: dist/bin
 * sits at the same depth as dist/cli, so the paths found from it stay the same. Its modules are
 * evaluated on first use as they were, only now from one file.
 */
const program = {
  ...common,
  entryPoints: ['dist/cli/program.js'],
  outfile: 'dist/bin/program.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__caravanBundleUrl' },
  // The file is the function a CommonJS module is wrapped in, so that the loader compiles its text as
  // it is (src/cli/bundle-loader.ts), without a copy of 1.3 MB to wrap it.
  footer: { js: '})' },
  // `import()` of a package left outside (highs) becomes `require()`: Node 20 loses a script's
  // dynamic-import callback in the functions it takes from the code cache.
  supported: { 'dynamic-import': false },
  banner: {
    // strict, as the modules are (esbuild's own "use strict" comes after this line, no longer first)
    js: "(function (exports, require, module, __filename, __dirname) {'use strict';var __caravanBundleUrl = require('node:url').pathToFileURL(__filename).href;",
  },
};

/**
 * The simulation's worker thread, a CommonJS script of its own: Node loads it without its ES module
 * loader (a thread ready some 8 ms sooner), and the CLI starts it before the program loads
 * (src/node/replication-thread.ts).
 */
const worker = {
  ...common,
  entryPoints: ['dist/node/replication-worker.js'],
  outfile: 'dist/bin/replication-worker.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__caravanBundleUrl' },
  // world-atlas: an external import of its JSON would lose its import attribute (the worker draws no map).
  external: externalPackages([...BUNDLED_PACKAGES, 'world-atlas']),
  banner: { js: "'use strict';var __caravanBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

rmSync('dist/bin', { recursive: true, force: true });
// First the list of files the bundles are made of, for their version; then the bundles with it.
const inputs = new Set();
for (const options of [program, worker]) {
  const { metafile } = await build({ ...options, write: false, metafile: true });
  for (const file of Object.keys(metafile.inputs)) inputs.add(file);
}
const VERSION_MODULE = 'dist/io/code-version.js';
const hash = createHash('sha256');
for (const file of [...inputs].sort()) {
  if (file === VERSION_MODULE) continue;
  hash.update(`${file}\n`);
  if (existsSync(file)) hash.update(readFileSync(file));
}
const codeVersion = hash.digest('hex');
const usesLocales = [...inputs].filter(
  (f) => f.startsWith('dist/') && /\blocales\b/.test(readFileSync(f, 'utf8')),
);
if (usesLocales.length > 0) throw new Error(`zod's locales are used in ${usesLocales.join(', ')}: bundle them`);
for (const options of [program, worker])
  await build({ ...options, define: { ...options.define, __CARAVAN_CODE_VERSION__: JSON.stringify(codeVersion) } });
writeFileSync('dist/bin/code-version.txt', `${codeVersion}\n`);
const bundleText = readFileSync(program.outfile, 'latin1');
const nonAscii = bundleText.search(/[^\x00-\x7f]/);
if (nonAscii >= 0)
  throw new Error(
    `${program.outfile} is not ASCII at byte ${nonAscii} (${JSON.stringify(bundleText.slice(nonAscii - 40, nonAscii + 10))}): ` +
      'write that character as an escape (\\u....) in the source, as esbuild keeps it in regular expressions',
  );
if (!existsSync(VERSION_MODULE)) throw new Error(`${VERSION_MODULE} is missing: run tsc first`);
writeFileSync(
  VERSION_MODULE,
  '// Written by scripts/bundle-cli.mjs: the version of the code of this build (src/io/code-version.ts).\n' +
    `export const CODE_VERSION = ${JSON.stringify(codeVersion)};\n`,
);
