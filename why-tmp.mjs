import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const B = ['commander', 'zod', 'yaml', 'fastest-levenshtein'];
const r = await build({ entryPoints: { program: 'dist/cli/program.js' }, outdir: 'dist/bin', bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', external: Object.keys(pkg.dependencies).filter((d) => !B.includes(d)), write: false, metafile: true, logLevel: 'error' });
const inputs = r.metafile.inputs;
const starts = ['dist/cli/program.js', 'dist/cli/route.js'];
const prev = new Map(starts.map((s) => [s, null]));
const q = [...starts];
while (q.length) { const k = q.shift(); for (const i of inputs[k]?.imports ?? []) { if (i.kind !== 'import-statement' || prev.has(i.path)) continue; prev.set(i.path, k); q.push(i.path); } }
for (const target of process.argv.slice(2)) {
  const t = [...prev.keys()].find((k) => k.includes(target));
  if (!t) { console.log(target, 'NOT reached'); continue; }
  const chain = []; for (let k = t; k; k = prev.get(k)) chain.unshift(k); console.log(chain.join(' <- '.replace('<-','->')));
}
console.log('modules reached', prev.size, [...prev.keys()].filter((k) => k.startsWith('dist/')).length);
console.log([...prev.keys()].filter((k) => k.startsWith('dist/')).join(' '));
