// Build step after tsc: the CLI program (dist/cli/program.js) bundled by esbuild into dist/bin, one
// file per command plus shared chunks, with the pure-JavaScript packages it needs at start (commander,
// zod, yaml, fastest-levenshtein) inside, so that a command starts without resolving, reading and
// compiling some two hundred modules. dist/cli/main.js runs it (src/cli/main.ts); dist/index.js (the
// library) and dist/browser.js stay as they are.
//
// The bundle carries its code version: the SHA-256 of every file it was built from, also written to
// dist/bin/code-version.txt for the dataset snapshot (scripts/compile-dataset.mjs), whose cached
// loaded state is used only by code of that version. dist/bin sits at the same depth as dist/cli, so
// the paths the code finds from its own location (../data, ../../data, ../app) stay the same.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const BUNDLED_PACKAGES = ['commander', 'zod', 'yaml', 'fastest-levenshtein'];
const options = {
  entryPoints: { program: 'dist/cli/program.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED_PACKAGES.includes(d)),
  // The packages written as CommonJS (commander, yaml) require Node's modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
};

rmSync('dist/bin', { recursive: true, force: true });
// First the list of files the bundle is made of, for its version; then the bundle with it.
const { metafile } = await build({ ...options, write: false, metafile: true });
const hash = createHash('sha256');
for (const file of Object.keys(metafile.inputs).sort()) hash.update(`${file}\n`).update(readFileSync(file));
const codeVersion = hash.digest('hex');
await build({ ...options, define: { __CARAVAN_CODE_VERSION__: JSON.stringify(codeVersion) } });
writeFileSync('dist/bin/code-version.txt', `${codeVersion}\n`);
