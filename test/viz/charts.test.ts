import { describe, expect, it } from 'vitest';
import { corridorComparisonChart } from '../../src/viz/corridor-comparison-chart.js';
import { outlookChart } from '../../src/viz/outlook-chart.js';
import { threeTicks } from '../../src/viz/plot-svg.js';
import { dodge, timeCostDistanceChart } from '../../src/viz/time-cost-distance-chart.js';
import { tonnageChart } from '../../src/viz/tonnage-chart.js';
import { utilizationChart } from '../../src/viz/utilization-chart.js';
import { ecdfPoints, ecdfQuantile, waitDistributionChart } from '../../src/viz/wait-distribution-chart.js';
import { all, newDocument, num, q } from './dom.js';
import { CORRIDORS, OUTLOOK, PROFILES, TONNAGE, UTILIZATION, WAITS } from './sample-charts.js';

const doc = newDocument();
const texts = (e: unknown, selector = 'text') =>
  all(e as never, selector).map((t) => t.textContent as string);

/** Common to every chart: the finding as title, the caption, aria-labelled SVGs, a data table. */
function expectFigure(f: unknown, title: string, tableRows: number): void {
  expect(q(f as never).querySelector('figcaption').textContent).toBe(title);
  expect(q(f as never).querySelector('.viz-source').textContent).toBe('Source: test');
  const svgs = all(f as never, 'svg.viz-plot');
  expect(svgs.length).toBeGreaterThan(0);
  for (const s of svgs) {
    expect(s.getAttribute('role')).toBe('img');
    expect(s.getAttribute('aria-label')).toBeTruthy();
    expect(s.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  }
  expect(all(f as never, 'details.viz-data table tbody tr')).toHaveLength(tableRows);
}

describe('ECDF from buckets and quantiles', () => {
  it('accumulates bucket counts at the upper bounds', () => {
    expect(ecdfPoints(WAITS[0]!.series[0]!)).toEqual([
      { wait_h: 0, share: 0 },
      { wait_h: 100, share: 0.2 },
      { wait_h: 200, share: 0.8 },
      { wait_h: 300, share: 1 },
    ]);
  });
  it('reads quantiles in order, and interpolates between points', () => {
    const points = ecdfPoints(WAITS[1]!.series[0]!);
    expect(points.map((p) => p.share)).toEqual([0, 0.5, 1]);
    expect(ecdfQuantile(ecdfPoints(WAITS[0]!.series[0]!), 0.5)).toBeCloseTo(150, 9);
    expect(ecdfQuantile(ecdfPoints(WAITS[0]!.series[0]!), 0.9)).toBeCloseTo(250, 9);
    expect(ecdfQuantile(points, 0.25)).toBeCloseTo(17.5, 9);
  });
  it('ends below 1 when the last bucket is open-ended', () => {
    const p = ecdfPoints({
      scenario: 's',
      buckets: [
        { lower_h: 0, upper_h: 10, count: 3 },
        { lower_h: 10, upper_h: Number.POSITIVE_INFINITY, count: 1 },
      ],
    });
    expect(p.at(-1)).toEqual({ wait_h: 10, share: 0.75 });
  });
});

describe('waitDistributionChart', () => {
  const f = waitDistributionChart(doc, WAITS, { title: 'Waits', caption: 'Source: test' });
  it('draws one panel per crossing and one line per scenario in each', () => {
    expectFigure(f, 'Waits', 4);
    const panels = all(f, '.viz-panel');
    expect(panels.map((p) => p.querySelector('h4').textContent)).toEqual(['Nur Zholy', 'Dostyk']);
    for (const p of panels) expect(all(p, 'g[aria-label="line"] path')).toHaveLength(2);
    expect(texts(panels[0])).toContain('wait, d');
    expect(texts(panels[1])).toContain('wait, h');
    expect(texts(f, '.viz-key li')).toEqual(['base', '24h']);
  });
  it('tabulates mean, median and P90 in hours', () => {
    const row = all(f, 'tbody tr')[0].textContent;
    expect(row).toBe('Nur Zholybase250150250');
    expect(texts(f, 'thead th')).toEqual([
      'crossing',
      'scenario',
      'mean wait, h',
      'median wait, h',
      'P90 wait, h',
    ]);
  });
});

describe('corridorComparisonChart', () => {
  const f = corridorComparisonChart(doc, CORRIDORS, { title: 'Corridors', caption: 'Source: test' });
  const [days, cost, co2] = all(f, 'svg.viz-plot');
  it('draws three aligned panels with a dot per corridor and scenario, whiskers for days', () => {
    expectFigure(f, 'Corridors', CORRIDORS.length);
    for (const s of [days, cost, co2])
      expect(all(s, 'g[aria-label="dot"] circle')).toHaveLength(CORRIDORS.length);
    expect(all(days, 'g[aria-label="rule"] line')).toHaveLength(CORRIDORS.length);
    expect(texts(days)).toEqual(expect.arrayContaining(['days, door to door', '0', '20', '40']));
    expect(texts(cost)).toEqual(expect.arrayContaining(['USD per FEU', '5,000', '10,000']));
    expect(texts(co2)).toEqual(expect.arrayContaining(['kg CO2e per FEU', '8,000', '16,000']));
    expect(num(days, 'height')).toBe(num(cost, 'height'));
  });
  it('places the dots by value: 24-hour operation moves the road corridor left', () => {
    const dots = all(days, 'g[aria-label="dot"] circle');
    const x = (title: string) =>
      num(
        dots.find((d) => d.querySelector('title').textContent.startsWith(title)),
        'cx',
      );
    expect(x('Road via Nur Zholy, 24h')).toBeLessThan(x('Road via Nur Zholy, base'));
    expect(x('Northern, 24h')).toBe(x('Northern, base'));
    // Linear scale from zero: positions are proportional to days.
    const x0 =
      x('Northern, base') - (x('Road via Nur Zholy, base') - x('Northern, base')) * (16.8 / (23 - 16.8));
    expect((x('Road via Nur Zholy, 24h') - x0) / (x('Northern, base') - x0)).toBeCloseTo(12.6 / 16.8, 2);
  });
  it('tells base from variant by shape: hollow and filled', () => {
    const fills = all(cost, 'g[aria-label="dot"]').map((g) => g.getAttribute('fill'));
    expect(fills).toContain('#FFFFFF');
  });
});

describe('threeTicks', () => {
  it('gives 0, a round step and twice it, covering the maximum', () => {
    expect(threeTicks(14_400)).toEqual([0, 8000, 16_000]);
    expect(threeTicks(9800)).toEqual([0, 5000, 10_000]);
    expect(threeTicks(30.4)).toEqual([0, 20, 40]);
    expect(threeTicks(1)).toEqual([0, 0.5, 1]);
  });
});

describe('timeCostDistanceChart', () => {
  it('draws one line per corridor, marks borders and transshipments, names the lines at their ends', () => {
    const f = timeCostDistanceChart(doc, PROFILES, { title: 'Profiles', caption: 'Source: test' });
    expectFigure(f, 'Profiles', 8);
    expect(all(f, 'g[aria-label="line"] path')).toHaveLength(2);
    const dots = all(f, 'g[aria-label="dot"]');
    expect(dots.map((g) => all(g, 'path').length)).toEqual([1, 1]);
    expect(texts(f)).toEqual(
      expect.arrayContaining([
        'Northern 2,900',
        'Middle 4,300',
        'distance, km',
        'cumulative cost, USD per FEU',
      ]),
    );
  });
  it('draws time in days when asked', () => {
    const f = timeCostDistanceChart(doc, PROFILES, { title: 'Profiles', caption: 'Source: test', y: 'time' });
    expect(texts(f)).toEqual(
      expect.arrayContaining(['Northern 10.8', 'Middle 17.9', 'cumulative time, days']),
    );
  });
  it('pushes end labels apart, keeping their order and the frame', () => {
    expect(dodge([10, 12, 50], 13, 0, 100)).toEqual([10, 23, 50]);
    expect(dodge([95, 96], 13, 0, 100)).toEqual([87, 100]);
    expect(dodge([50, 5], 13, 0, 100)).toEqual([50, 5]);
  });
});

describe('utilizationChart', () => {
  const f = utilizationChart(doc, UTILIZATION, { title: 'Utilization', caption: 'Source: test' });
  it('draws a bar per crossing, direction and scenario, proportional to utilization, with the capacity line', () => {
    expectFigure(f, 'Utilization', UTILIZATION.length);
    const bars = all(f, 'g[aria-label="bar"] rect');
    expect(bars).toHaveLength(UTILIZATION.length);
    const w = (title: string) =>
      num(
        bars.find((b) => b.querySelector('title').textContent.includes(title)),
        'width',
      );
    expect(w('Dostyk, CN → KZ, base') / w('Nur Zholy, CN → KZ, base')).toBeCloseTo(1.11 / 0.47, 2);
    // The capacity rule sits where a bar of 100 % would end.
    const x0 = num(bars[0], 'x');
    const rules = all(f, 'g[aria-label="rule"] g[stroke-dasharray="5 3"] line');
    expect(rules).toHaveLength(2); // once per facet (crossing and direction)
    expect(num(rules[0], 'x1') - x0).toBeCloseTo(w('Dostyk, CN → KZ, base') / 1.11, 0);
    expect(texts(f)).toEqual(
      expect.arrayContaining(['111\u00a0%', '24\u00a0%', 'utilization, % of capacity']),
    );
  });
});

describe('tonnageChart', () => {
  it('labels each bar with Mt/yr and the variant with its signed change', () => {
    const f = tonnageChart(doc, TONNAGE, { title: 'Tonnage', caption: 'Source: test' });
    expectFigure(f, 'Tonnage', TONNAGE.length);
    expect(all(f, 'g[aria-label="bar"] rect')).toHaveLength(TONNAGE.length);
    expect(texts(f)).toEqual(
      expect.arrayContaining(['10.5', '9.6 (\u22120.88)', '5.0 (+0.88)', '4.1 (no change)', 'flow, Mt/yr']),
    );
  });
});

describe('outlookChart', () => {
  const f = outlookChart(doc, OUTLOOK, { title: 'Outlook', caption: 'Source: test' });
  it('draws a bar per year, dark where the flow reaches capacity, the capacity as steps and the saturation year', () => {
    expectFigure(f, 'Outlook', OUTLOOK.years.length);
    const bars = all(f, 'g[aria-label="rect"] rect');
    expect(bars).toHaveLength(5);
    const fills = bars.map((b) => b.getAttribute('fill'));
    expect(fills[0]).toBe(fills[3]);
    expect(fills[1]).not.toBe(fills[0]);
    expect(new Set(fills).size).toBe(2);
    // Steps: two points per year, a vertical jump where capacity changes.
    const d = all(f, 'g[aria-label="line"] path')[0].getAttribute('d') as string;
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(10);
    expect(texts(f)).toEqual(
      expect.arrayContaining([
        'saturated from 2029 (demand 45.0\u00a0Mt/yr, capacity 40.0\u00a0Mt/yr)',
        'Mt/yr',
        '2030',
      ]),
    );
    expect(texts(f)).not.toContain('2,030');
  });
});
