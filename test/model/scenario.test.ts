import { describe, expect, it } from 'vitest';
import { applyScenario, parseScenario } from '../../src/model/scenario.js';
import { validateNetwork } from '../../src/model/validate.js';
import { caravan, MINI, mini } from '../helpers.js';

function scenario(data: Record<string, unknown>) {
  const r = parseScenario({ format: 'caravan-scenario/1', name: 'test', ...data });
  if (!r.scenario) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('applyScenario', () => {
  it('changes fields of entries found by id, null removes a field, provenance is merged', () => {
    const r = applyScenario(
      mini(),
      scenario({
        changes: {
          crossings: { gate: { lanes: 4, quota_units_per_day: null, provenance: { lanes: 'handbook' } } },
        },
      }),
    );
    const gate = (r.network!.crossings as Record<string, unknown>[])[0]!;
    expect(gate.lanes).toBe(4);
    expect(gate).not.toHaveProperty('quota_units_per_day');
    expect(gate.provenance).toEqual({ '*': 'handbook', lanes: 'handbook' });
    expect(validateNetwork(r.network).issues).toEqual([]);
  });

  it('finds links and demand by their default ids, removes and adds entries', () => {
    const r = applyScenario(
      mini(),
      scenario({
        changes: {
          links: { 'beta-gate-beta-rail': { distance_km: 310 } },
          demand: { 'alpha->gamma': { units_per_day: 80 } },
        },
        remove: { links: ['alpha-gate-road'] },
        add: {
          links: [
            {
              id: 'alpha-gate-rail',
              from: 'alpha',
              to: 'alpha-gate',
              mode: 'rail',
              gauge_mm: 1435,
              distance_km: 70,
              speed_kmh: 40,
              provenance: { '*': 'handbook' },
            },
          ],
        },
      }),
    );
    const links = r.network!.links as Record<string, unknown>[];
    expect(links.map((l) => l.id ?? `${l.from}-${l.to}-${l.mode}`)).toEqual([
      'beta-gate-beta-rail',
      'alpha-gate-rail',
    ]);
    expect(links[0]!.distance_km).toBe(310);
    expect((r.network!.demand as Record<string, unknown>[])[0]!.units_per_day).toBe(80);
    expect(validateNetwork(r.network).issues).toEqual([]);
  });

  it('an unknown id is an issue at its place in the scenario, with a suggestion', () => {
    const r = applyScenario(
      mini(),
      scenario({ changes: { crossings: { gat: { lanes: 4 } } }, remove: { nodes: ['gama'] } }),
    );
    expect(r.network).toBeUndefined();
    expect(r.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'unknown_reference changes.crossings.gat',
      'unknown_reference remove.nodes[0]',
    ]);
    expect(r.issues[0]!.message).toContain('did you mean "gate"');
  });

  it('does not touch the base network', () => {
    const base = mini();
    applyScenario(base, scenario({ changes: { crossings: { gate: { lanes: 9 } } } }));
    expect(base.crossings[0].lanes).toBe(2);
  });

  it('rejects a malformed scenario with paths', () => {
    const r = parseScenario({ format: 'caravan-scenario/1', name: 'x', change: {} });
    expect(r.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown_field change']);
    expect(r.issues[0]!.message).toContain('did you mean "changes"');
  });
});

describe('--scenario on the command line', () => {
  it('network info shows the network with the scenario applied', () => {
    const r = caravan(['network', 'info', '--network', MINI, '--scenario', 'test/fixtures/mini-24h.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gate\s+Alpha–Beta gate\s+road\s+CN-KZ\s+3\s+24\/7/);
  });

  it('a scenario that breaks the network is reported, exit 2', () => {
    const r = caravan(['network', 'info', '--network', MINI, '--scenario', 'test/fixtures/typos.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/typos\.yaml:\d+: format: this is a network, not a scenario/);
  });
});
