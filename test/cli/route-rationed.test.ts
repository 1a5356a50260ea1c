/**
 * `caravan route` says where a crossing's wait is the equilibrium's ration rather than a forecast of
 * its queue: the direction a shown route takes is loaded to 99 % of its capacity or more (below it),
 * as `caravan assign --json` reports that direction.
 */
import { describe, expect, it } from 'vitest';
import { caravan } from '../helpers.js';

interface Plan {
  readonly waits: {
    readonly rationed: readonly string[];
    readonly shared_rations: readonly { kind: string; id: string; utilization: number; delay_h: number }[];
  };
  readonly routes: readonly {
    readonly legs: readonly { kind: string; id: string; from: string; to: string }[];
  }[];
}

interface Flows {
  readonly crossings: readonly {
    id: string;
    directions: Record<string, { utilization: number | null }>;
    shared: { utilization: number; delay_h: number } | null;
  }[];
}

/** The crossings whose direction on a route assign loads to [0.99, 1) of its capacity, in the order met. */
function rationedByAssign(plan: Plan, flows: Flows): string[] {
  const ids = new Set<string>();
  for (const r of plan.routes)
    for (const l of r.legs) {
      if (l.kind !== 'crossing') continue;
      const u =
        flows.crossings.find((c) => c.id === l.id)!.directions[`${l.from}->${l.to}`]!.utilization ?? 0;
      if (u >= 0.99 && u < 1) ids.add(l.id);
    }
  return [...ids];
}

/** The crossings on the routes whose capacity shared by both directions assign loads to [0.99, 1), with its delay. */
function sharedRationsByAssign(
  plan: Plan,
  flows: Flows,
): { id: string; utilization: number; delay_h: number }[] {
  const on = new Set(
    plan.routes.flatMap((r) => r.legs.filter((l) => l.kind === 'crossing').map((l) => l.id)),
  );
  return flows.crossings
    .filter(
      (c) => on.has(c.id) && c.shared !== null && c.shared.utilization >= 0.99 && c.shared.utilization < 1,
    )
    .map((c) => ({ id: c.id, utilization: c.shared!.utilization, delay_h: c.shared!.delay_h }));
}

describe('caravan route: waits that are a ration', () => {
  it.each([
    [
      'the mini network, its gate overfilled',
      ['--network', 'test/fixtures/mini.yaml', '--from', 'alpha-city', '--to', 'gamma'],
      ['gate'],
    ],
    [
      'Khorgos to Almaty by road, Nur Zholy overfilled inbound',
      ['--from', 'khorgos-port', '--to', 'almaty'],
      ['nur-zholy-khorgos'],
    ],
    // Dostyk's eastbound direction, into China, is at 99 %; the westbound one these routes take is not
    ["Xi'an to Duisburg", ['--from', 'xian', '--to', 'duisburg'], []],
  ])('%s', (_, args, expected) => {
    const network = args[0] === '--network' ? args.slice(0, 2) : [];
    const plan = JSON.parse(caravan(['route', ...args, '--json']).stdout) as Plan;
    const flows = JSON.parse(caravan(['assign', ...network, '--json']).stdout) as Flows;
    expect(plan.waits.rationed).toEqual(expected);
    expect(rationedByAssign(plan, flows)).toEqual(expected);
    const note = caravan(['route', ...args])
      .stdout.split('\n')
      .find((l) => l.includes('a ration, not a forecast'));
    if (expected.length === 0) expect(note).toBeUndefined();
    else expect(note).toContain(`at 99 % of capacity or more in the loaded network (${expected.join(', ')})`);
  });

  // A capacity both directions share, rationed: assign adds its delay to every tonne through it, in
  // either direction, and route, whose times hold each direction's own wait, says so.
  it.each([
    [
      'the mini network',
      ['--network', 'test/fixtures/mini.yaml', '--from', 'alpha-city', '--to', 'gamma'],
      [],
    ],
    ['Khorgos to Almaty by road', ['--from', 'khorgos-port', '--to', 'almaty'], ['kalzhat-dulata']],
    ["Xi'an to Duisburg", ['--from', 'xian', '--to', 'duisburg'], ['dostyk-alashankou', 'altynkol-khorgos']],
  ])('shared capacities: %s', (_, args, expected) => {
    const network = args[0] === '--network' ? args.slice(0, 2) : [];
    const plan = JSON.parse(caravan(['route', ...args, '--json']).stdout) as Plan;
    const flows = JSON.parse(caravan(['assign', ...network, '--json']).stdout) as Flows;
    const byAssign = sharedRationsByAssign(plan, flows);
    expect(byAssign.map((x) => x.id)).toEqual(expected);
    expect(plan.waits.shared_rations.map((x) => x.id)).toEqual(expected);
    plan.waits.shared_rations.forEach((x, i) => {
      expect(x.kind).toBe('crossing');
      expect(Math.abs(x.delay_h - byAssign[i]!.delay_h)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(x.utilization - byAssign[i]!.utilization)).toBeLessThanOrEqual(5e-5);
    });
    const note = caravan(['route', ...args])
      .stdout.split('\n')
      .find((l) => l.includes('the capacity both directions share'));
    if (expected.length === 0) expect(note).toBeUndefined();
    else
      for (const x of byAssign)
        expect(note).toContain(
          `${x.id} (${(x.utilization * 100).toFixed(1)} %, a ration of ${x.delay_h.toFixed(0)} h)`,
        );
  });
});
