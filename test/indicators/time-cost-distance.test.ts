import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileChart } from '../../src/indicators/profile-chart.js';
import { timeCostDistance } from '../../src/indicators/time-cost-distance.js';
import { planRoutes } from '../../src/route/plan.js';
import { corridors } from '../route/corridors.js';
import { handRoute } from './route-fixture.js';

describe('timeCostDistance (UNESCAP profile)', () => {
  it('steps up without distance at borders, transshipments and waits for departure (hand-worked)', () => {
    const p = timeCostDistance(handRoute()).map((x) => [x.event, x.distance_km, x.time_h, x.cost_usd]);
    expect(p).toEqual([
      ['start', 0, 0, 0],
      ['link', 100, 2, 100],
      ['crossing', 100, 7, 150],
      ['transshipment', 100, 8, 160],
      ['wait', 100, 12, 160],
      ['service', 300, 18, 200],
    ]);
  });

  it('ends at the route totals (corridor fixture, every Pareto route)', () => {
    const plan = planRoutes(corridors(), 'xian', 'duisburg', { date: '2026-06-01' });
    for (const r of plan.pareto) {
      const last = timeCostDistance(r).at(-1)!;
      expect(last.distance_km).toBeCloseTo(r.distance_km, 9);
      expect(last.time_h).toBeCloseTo(r.time_h.expected, 9);
      expect(last.cost_usd).toBeCloseTo(r.cost_usd, 9);
    }
  });
});

describe('profileChart', () => {
  it('draws a sloped part as * and a step as | topped by its mark', () => {
    const lines = profileChart(timeCostDistance(handRoute()), { series: 'time', width: 20, height: 7 }).split(
      '\n',
    );
    expect(lines).toHaveLength(1 + 7 + 2);
    const grid = lines.slice(1, 8).map((l) => l.slice(l.indexOf('|') + 1));
    const column = (c: number) => grid.map((row) => row[c] ?? ' ').join('');
    // 100 of 300 km: the steps stand in column 6 of 20; the W (wait) tops them.
    expect(column(6)).toMatch(/^\s*W\|*B?\|*\*?\s*$/);
    expect(lines[8]).toMatch(/^\s+\+-{20}$/);
    expect(lines[9]).toContain('300 km');
  });

  it('matches the reviewed golden chart of the fixture’s Northern route (UPDATE_GOLDEN=1 rewrites it)', () => {
    const plan = planRoutes(corridors(), 'xian', 'duisburg', { date: '2026-06-01' });
    const profile = timeCostDistance(plan.best!);
    const text = `${profileChart(profile, { series: 'time' })}\n\n${profileChart(profile, { series: 'cost' })}\n`;
    const file = join(import.meta.dirname, 'golden', 'northern-profile.txt');
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
