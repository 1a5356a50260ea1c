/**
 * The layering of src/ (docs/design-choices.md, issue 8): imports only go downward through the
 * layers, there are no import cycles, and Node built-ins are imported only at the edges (src/io,
 * src/node, src/cli, src/server). The browser entry reaches no Node built-in at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = join(ROOT, 'src');

/** Layer of each top folder of src/, lowest first; a file may import its own layer or lower. */
const LAYER: Readonly<Record<string, number>> = {
  model: 1,
  network: 2,
  graph: 3,
  queueing: 4,
  route: 4,
  flow: 4,
  sim: 4,
  indicators: 4,
  compare: 4,
  app: 5,
  viz: 6,
  report: 6,
  io: 7,
  node: 7,
  cli: 7,
  server: 7,
  // the package entries sit on top of everything
  'index.ts': 8,
  'browser.ts': 8,
};
const EDGES = new Set(['io', 'node', 'cli', 'server', 'index.ts']);

/** Node built-ins still imported in the core (none: the worker pool lives in src/node). The list may only shrink. */
const PENDING_NODE_IMPORTS = new Set<string>([]);

const BUILTINS = new Set(builtinModules);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports, static or dynamic (type-only imports too), comments left out. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

const all = files(SRC).map((f) => relative(SRC, f));
const graph = new Map<string, { local: string[]; external: string[] }>();
for (const file of all) {
  const local: string[] = [];
  const external: string[] = [];
  for (const s of specifiers(readFileSync(join(SRC, file), 'utf8'))) {
    if (s.startsWith('.')) local.push(relative(SRC, resolve(SRC, dirname(file), s.replace(/\.js$/, '.ts'))));
    else external.push(s);
  }
  graph.set(file, { local, external });
}
const top = (file: string) => file.split('/')[0]!;
const isBuiltin = (s: string) => s.startsWith('node:') || BUILTINS.has(s.split('/')[0]!);

describe('layering of src/', () => {
  it('every top folder has a layer', () => {
    expect([...new Set(all.map(top))].filter((t) => LAYER[t] === undefined)).toEqual([]);
  });

  it('imports only go downward', () => {
    const upward: string[] = [];
    for (const [file, { local }] of graph) {
      for (const target of local) {
        if (LAYER[top(target)]! > LAYER[top(file)]!) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('there are no import cycles', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, stack: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file)?.local ?? []) visit(next, [...stack, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('Node built-ins are imported only at the edges', () => {
    const core: string[] = [];
    for (const [file, { external }] of graph) {
      if (EDGES.has(top(file)) || PENDING_NODE_IMPORTS.has(file)) continue;
      for (const s of external) if (isBuiltin(s)) core.push(`${file}: ${s}`);
    }
    expect(core).toEqual([]);
    // the pending list only names files that still need it
    for (const file of PENDING_NODE_IMPORTS)
      expect(
        graph.get(file)?.external.some(isBuiltin),
        `${file} no longer imports Node: drop it from the list`,
      ).toBe(true);
  });

  it('the browser entry reaches no Node built-in', () => {
    const seen = new Set<string>();
    const reached: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const node = graph.get(file);
      if (!node) return;
      for (const s of node.external) if (isBuiltin(s)) reached.push(`${file}: ${s}`);
      for (const next of node.local) walk(next);
    };
    walk('browser.ts');
    expect(seen.size).toBeGreaterThan(20);
    expect(reached).toEqual([]);
  });
});
