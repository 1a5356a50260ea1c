/**
 * `caravan assign`'s element table: a row names one direction and shows that direction's figures, or
 * the capacity both directions share (↔) with its own; never one direction with the figures of two.
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
