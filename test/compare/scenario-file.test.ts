/**
 * Scenarios as files and names: mistakes located in the scenario (its file, line and a path into
 * it), built-in names, repeated scenarios applied in order, and the built-in library itself (valid
 * on the default network, every changed figure with a source or an estimate).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInScenarioNames, readNetworkWithScenario, readScenario } from '../../src/io/scenario-file.js';
import { InputError } from '../../src/model/issue.js';
import { MINI } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'caravan-scenario-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('scenario files', () => {
  it('an invalid value set by a scenario is reported at its line in the scenario, with a path into it', () => {
    const path = file(
      'bad-lanes.yaml',
      [
        'format: caravan-scenario/1',
        'name: bad',
        'changes:',
        '  crossings:',
        '    gate:',
        '      lanes: -1',
        '',
      ].join('\n'),
    );
    const issues = issuesOf(() => readNetworkWithScenario(MINI, path));
    const i = issues.find((x) => x.severity === 'error')!;
    expect(i.file).toContain('bad-lanes.yaml');
    expect(i.file).not.toContain('applied to');
    expect(i.line).toBe(6);
    expect(i.path).toBe('changes.crossings.gate.lanes');
  });

  it('an invalid entry a scenario adds is reported in the scenario at add.<list>[k]', () => {
    const path = file(
      'bad-add.yaml',
      [
        'format: caravan-scenario/1',
        'name: bad add',
        'add:',
        '  links:',
        '    - {from: alpha, to: alpha-gate, mode: road, distance_km: -5, speed_kmh: 50}',
        '',
      ].join('\n'),
    );
    const i = issuesOf(() => readNetworkWithScenario(MINI, path)).find((x) => x.severity === 'error')!;
    expect(i.path).toMatch(/^add\.links\[0\]/);
    expect(i.line).toBe(5);
  });

  it('an unknown id is reported with the scenario line and a suggestion', () => {
    const path = file(
      'typo.yaml',
      [
        'format: caravan-scenario/1',
        'name: typo',
        'changes:',
        '  crossings:',
        '    gaet: {lanes: 3}',
        '',
      ].join('\n'),
    );
    const [i] = issuesOf(() => readNetworkWithScenario(MINI, path));
    expect(i!.line).toBe(5);
    expect(i!.message).toContain('did you mean "gate"');
  });

  it('repeated scenarios apply in order', () => {
    const a = file(
      'a.yaml',
      'format: caravan-scenario/1\nname: a\nchanges: {crossings: {gate: {lanes: 3, hours: "24/7"}}}\n',
    );
    const b = file(
      'b.yaml',
      'format: caravan-scenario/1\nname: b\nchanges: {crossings: {gate: {lanes: 5}}}\n',
    );
    const gate = (m: ReturnType<typeof readNetworkWithScenario>) =>
      m.model.crossings.find((c) => c.id === 'gate')!;
    expect(gate(readNetworkWithScenario(MINI, [a, b])).lanes).toBe(5);
    expect(gate(readNetworkWithScenario(MINI, [b, a])).lanes).toBe(3);
    expect(gate(readNetworkWithScenario(MINI, [b, a])).hours).toBe('24/7');
  });

  it('a name that is neither a file nor a built-in scenario lists the built-in names', () => {
    const [i] = issuesOf(() => readScenario('nur-zholy-42h'));
    expect(i!.path).toBe('--scenario');
    expect(i!.message).toContain('did you mean "nur-zholy-24h"');
    expect(i!.message).toContain('avoid-russia');
  });
});

describe('the built-in scenarios', () => {
  const names = builtInScenarioNames();

  it('are the eight of the library', () => {
    expect(names).toEqual([
      'avoid-russia',
      'e-queue',
      'middle-corridor-2030',
      'nur-zholy-24h',
      'poland-border-closure',
      'risk-based-inspection',
      'russia-central-asia-transit',
      'third-railway',
    ]);
  });

  it.each(names)('%s applies to the default network without an error', (name) => {
    const loaded = readNetworkWithScenario(undefined, name);
    expect(loaded.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    expect(loaded.scenario?.description?.length ?? 0).toBeGreaterThan(100);
  });

  it.each(names)('%s gives a source or an estimate for every figure it sets', (name) => {
    const s = readScenario(name).scenario;
    for (const [list, entries] of Object.entries(s.changes))
      for (const [id, fields] of Object.entries(entries ?? {})) {
        const covered = new Set(
          Object.keys((fields.provenance ?? {}) as object).flatMap((k) => k.split(',').map((x) => x.trim())),
        );
        for (const [field, value] of Object.entries(fields)) {
          if (field === 'provenance' || value === null) continue;
          if (field === 'timeline') {
            for (const change of value as { provenance?: object }[])
              expect(change.provenance, `${list}.${id}.timeline`).toBeDefined();
            continue;
          }
          expect(covered.has(field), `${name}: ${list}.${id}.${field} has no provenance`).toBe(true);
        }
      }
    if (s.simulation) expect(s.simulation.provenance?.e_queue).toBeDefined();
  });
});
