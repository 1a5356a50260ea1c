/**
 * A worker thread of the simulation pool loads the simulator only: every module its imports reach at
 * run time (type-only imports are erased) lies in src/sim, and no package beyond the random generator.
 * The route planner, the flow model with its LP solver, zod and yaml stay on the main thread, which
 * builds the plan the workers are handed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = join(ROOT, 'src');

/** Specifiers of the imports and re-exports that stay in the JavaScript (not `import type`/`export type`). */
function runtimeSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const re = /(?:^|[\s;])(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) {
    if (m[2]) continue;
    // `import { type A, type B }` is erased too
    const names = m[3]!
      .replace(/[{}]/g, '')
      .split(',')
      .map((x) => x.trim());
    if (names.every((x) => x === '' || x.startsWith('type '))) continue;
    out.push(m[4]!);
  }
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

function reached(entry: string): { local: Set<string>; packages: Set<string> } {
  const local = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (local.has(file)) return;
    local.add(file);
    for (const s of runtimeSpecifiers(readFileSync(join(SRC, file), 'utf8'))) {
      if (s.startsWith('.')) walk(relative(SRC, resolve(SRC, dirname(file), s.replace(/\.js$/, '.ts'))));
      else packages.add(s);
    }
  };
  walk(entry);
  return { local, packages };
}

describe('the replication worker', () => {
  it('loads the simulator only', () => {
    const { local, packages } = reached('node/replication-worker.ts');
    expect(local.size).toBeGreaterThan(20);
    expect(
      [...local].filter(
        (f) => !f.startsWith('sim/') && f !== 'node/replication-worker.ts' && f !== 'model/calendar.ts',
      ),
    ).toEqual([]);
    expect([...packages].sort()).toEqual(['node:worker_threads', 'pure-rand/generator/xoroshiro128plus']);
  });

  it('is told apart from a module that does load the route planner', () => {
    // the plan's builder itself reaches the flow model and zod: the walk sees through to them
    const { local, packages } = reached('sim/simulation-plan.ts');
    expect([...local].some((f) => f.startsWith('flow/'))).toBe(true);
    expect(packages.has('zod')).toBe(true);
  });
});
