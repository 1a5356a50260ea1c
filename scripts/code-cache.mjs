// The build's last step, after the dataset snapshot: V8's code cache of the CLI bundle
// (dist/bin/program.cjs.code-cache, see src/cli/bundle-loader.ts). It runs a route question on the
// embedded network with the bundle once, in this process and with its output thrown away, and keeps
// the code V8 compiled for it, so that later starts take that code instead of compiling it again.
import { writeFileSync } from 'node:fs';
import { CODE_CACHE_PATH, loadBundle } from '../dist/cli/bundle-loader.js';

const bundle = loadBundle();
const write = process.stdout.write;
process.stdout.write = () => true;
let code;
try {
  code = await bundle.main(['route', '--from', 'xian', '--to', 'duisburg']);
} finally {
  process.stdout.write = write;
}
if (code !== 0) throw new Error(`the route question that fills the code cache failed (exit code ${code})`);
writeFileSync(CODE_CACHE_PATH, bundle.codeCache());
