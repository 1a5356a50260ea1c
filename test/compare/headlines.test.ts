/**
 * The headlines tell differences that are beyond chance and large enough to show: with common random
 * numbers a door-to-door time can move by a fraction of a second in every pair, beyond chance and no news.
 */
import { describe, expect, it } from 'vitest';
import type { CompareResultJson } from '../../src/app/compare.js';
import { headlines, newsworthy } from '../../src/report/compare-headlines.js';

type Scenario = CompareResultJson['scenarios'][number];

const difference = (base: number, scenario: number, ci: [number, number]) => ({
  base,
  scenario,
  difference: scenario - base,
  difference_ci95: ci,
  pairs: 4,
});

function scenario(transit: Scenario['transit_h']): Scenario {
  return {
    title: 'A lever',
    crossings: {},
    transit_h: transit,
    corridor_differences: [],
    route_differences: [],
    outlook_differences: [],
  } as unknown as Scenario;
}

describe('the headlines of a comparison', () => {
  it('leave out a difference beyond chance that would read as zero', () => {
    // Astana → Ürümqi moved by 0.04 s in each of 4 pairs: beyond chance, "+0 min" in words
    const tiny = difference(70.9975036, 70.9975153, [0.0000046, 0.0000188]);
    const real = difference(237.6, 10.2, [-230.4, -224.4]);
    expect(newsworthy(tiny)).toBe(false);
    expect(newsworthy(real)).toBe(true);
    // a minute is the least told; a difference within chance is never told
    expect(newsworthy(difference(10, 10 + 1 / 60, [0.01, 0.02]))).toBe(true);
    expect(newsworthy(difference(10, 12, [-1, 5]))).toBe(false);
    const lines = headlines(
      scenario({ 'astana->urumqi': tiny, 'khorgos-port->almaty': real }),
      new Map([
        ['khorgos-port', 'Khorgos road port (China)'],
        ['almaty', 'Almaty'],
      ]),
    );
    expect(lines).toEqual([
      'Door to door, Khorgos road port (China) → Almaty: from 9.9 days to 10.2 h (difference −9.5 days, 95 % CI −9.6 to −9.4 days).',
    ]);
    expect(headlines(scenario({ 'astana->urumqi': tiny }))).toEqual([
      'A lever: no difference in waits, flows or routes both beyond chance and large enough to show (a minute, a unit a day).',
    ]);
  });
});
