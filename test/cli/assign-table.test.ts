/**
 * `caravan assign`'s element table: a row names one direction and shows that direction's figures, or
 * the capacity both directions share (↔) with its own; never one direction with the figures of two.
 * And its notes say why its delays are not the waits that `route` and `simulate` give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caravan, DEFAULT } from '../helpers.js';

interface Row {
  readonly way: string;
  readonly flow: number;
  readonly capacity: number;
  readonly utilization: number;
}

/** The rows of `id` in the text's border crossings table. */
function rowsOf(text: string, id: string): Row[] {
  const table = text.split('\n\n').find((t) => t.startsWith('Border crossings'))!;
  return table
    .split('\n')
    .filter((l) => l.startsWith(`${id} `))
    .map((l) => {
      const cells = l.split(/ {2,}/);
      return {
        way: cells[2]!,
        flow: Number(cells[3]!.replaceAll(',', '')),
        capacity: Number(cells[4]!.replaceAll(',', '')),
        utilization: Number(cells[5]!.replaceAll(',', '')),
      };
    });
}

describe('caravan assign: the element table', () => {
  const text = caravan(['assign']).stdout;
  const json = JSON.parse(caravan(['assign', '--json']).stdout) as {
    crossings: {
      id: string;
      directions: Record<string, { flow_t_per_year: number; capacity_t_per_year: number }>;
    }[];
  };
  const directions = (id: string) => json.crossings.find((c) => c.id === id)!.directions;
  const mt = (t: number) => Math.round(t / 1e4) / 100;

  it('shows a direction with its own capacity: the road crossing at Nur Zholy, loaded one way', () => {
    const rows = rowsOf(text, 'nur-zholy-khorgos');
    const inbound = directions('nur-zholy-khorgos')['khorgos-port->nur-zholy']!;
    expect(rows).toEqual([
      {
        way: 'khorgos-port → nur-zholy',
        flow: mt(inbound.flow_t_per_year),
        capacity: mt(inbound.capacity_t_per_year),
        utilization: expect.any(Number),
      },
    ]);
    // what it can carry one way, not both ways' sum
    expect(rows[0]!.capacity).toBeLessThan(mt(2 * inbound.capacity_t_per_year));
  });

  it('shows both directions, then the capacity they share, declared in the network file', () => {
    const declared = (
      parse(readFileSync(DEFAULT, 'utf8')) as { crossings: { id: string; capacity_t_per_year?: number }[] }
    ).crossings.find((c) => c.id === 'dostyk-alashankou')!.capacity_t_per_year!;
    const d = directions('dostyk-alashankou');
    const rows = rowsOf(text, 'dostyk-alashankou');
    expect(rows.map((r) => r.way)).toEqual([
      'dostyk → alashankou',
      'alashankou → dostyk',
      'alashankou ↔ dostyk',
    ]);
    expect(rows[0]!.capacity).toBe(mt(d['dostyk->alashankou']!.capacity_t_per_year));
    expect(rows[1]!.capacity).toBe(mt(d['alashankou->dostyk']!.capacity_t_per_year));
    const both = d['dostyk->alashankou']!.flow_t_per_year + d['alashankou->dostyk']!.flow_t_per_year;
    expect(rows[2]).toEqual({
      way: 'alashankou ↔ dostyk',
      flow: mt(both),
      capacity: mt(declared),
      utilization: Math.round((1000 * both) / declared) / 10,
    });
  });
});

describe('caravan assign: what its delays are, beside the waits of route and simulate', () => {
  const text = caravan(['assign']).stdout;
  interface Figures {
    readonly utilization: number | null;
    readonly delay_h: number;
    readonly wait_h?: number | null;
  }
  const json = JSON.parse(caravan(['assign', '--json']).stdout) as {
    crossings: { id: string; directions: Record<string, Figures>; shared: Figures | null }[];
    services: { id: string; directions: Record<string, Figures>; shared: Figures | null }[];
  };
  const notes = text.split('\n').filter((l) => l.startsWith('note: '));

  it("a direction's delay is its queue over its wait with no load, which route's wait adds: Kalzhat, open 10:00–18:00", () => {
    const d = json.crossings.find((c) => c.id === 'kalzhat-dulata')!.directions['dulata->kalzhat']!;
    // closed 16 hours a day, 7 times a week: a unit arriving at random waits 7 × 16² / 2 / 168 hours for opening
    const closedWaitH = (7 * 16 ** 2) / 2 / 168;
    expect(d.wait_h! - d.delay_h).toBeCloseTo(closedWaitH, 9);
    const plan = JSON.parse(
      caravan(['route', '--from', 'khorgos-port', '--to', 'almaty', '--json']).stdout,
    ) as {
      routes: { legs: { id: string; wait_h: number }[] }[];
    };
    const leg = plan.routes.flatMap((r) => r.legs).find((l) => l.id === 'kalzhat-dulata')!;
    expect(leg.wait_h).toBeCloseTo(d.wait_h!, 2);
    expect(notes[0]).toMatch(
      /^note: delay_h at a crossing's direction is the wait its queue adds .* over its wait with no load/,
    );
    expect(notes[0]).toContain('on a ↔ row, a service or a link');
  });

  it('names every element with a figure at 99 % of a capacity or more, where a delay rations rather than forecasts', () => {
    const rationed = [...json.crossings, ...json.services]
      .filter((e) =>
        [...Object.values(e.directions), ...(e.shared ? [e.shared] : [])].some(
          (f) => (f.utilization ?? 0) >= 0.99 && f.delay_h > 0,
        ),
      )
      .map((e) => e.id);
    expect(rationed).toContain('nur-zholy-khorgos');
    const listed = /^note: at 99 % of a capacity or more \(([^)]*)\)/.exec(notes[1] ?? '')?.[1]?.split(', ');
    expect(listed?.slice().sort()).toEqual(rationed.slice().sort());
  });

  it('has no delays to explain with the capacity method', () => {
    expect(caravan(['assign', '--method', 'capacity']).stdout).not.toContain('note: delay_h');
  });
});
