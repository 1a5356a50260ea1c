/**
 * The difference chart (levels and the difference with its interval, per row), the mark that tells
 * a change on the map without colour, and axis labels sized from their text.
 */
import { describe, expect, it } from 'vitest';
import { fitLabel, labelChars, labelWidth, truncateLabel } from '../../src/viz/axis-labels.js';
import { changeMarker } from '../../src/viz/change-marker.js';
import { differenceChart } from '../../src/viz/difference-chart.js';
import { all, newDocument, q } from './dom.js';

const doc = newDocument();

const ROWS = [
  // Beyond chance: the interval excludes zero.
  {
    label: 'Nur Zholy–Khorgos (road)',
    base: 50,
    scenario: 2,
    difference: -48,
    ci95: [-60, -36] as [number, number],
  },
  // Not significant: the interval contains zero.
  { label: 'Dostyk–Alashankou', base: 40, scenario: 41, difference: 1, ci95: [-3, 5] as [number, number] },
  // Only the base observed it.
  { label: 'Akhalkalaki–Kars', base: 1, scenario: null, difference: null, ci95: null },
];

function chart() {
  return differenceChart(doc, ROWS, {
    id: 'd',
    title: 'Waits',
    caption: 'Source: test',
    quantity: 'mean wait',
    unit: 'h',
    base_name: 'base',
    scenario_name: 'nur-zholy-24h',
    width_px: 640,
  });
}

describe('differenceChart', () => {
  it('draws the levels and the differences side by side, as wide as asked', () => {
    const svgs = all(chart(), 'svg.viz-plot');
    expect(svgs).toHaveLength(2);
    const widths = svgs.map((s) => Number(s.getAttribute('width')));
    expect(widths[0]! + widths[1]!).toBe(640);
  });

  it('marks a difference beyond chance solid and one whose interval contains zero "n.s."', () => {
    const [, diffs] = all(chart(), 'svg.viz-plot');
    const titles = all(diffs, 'circle title').map((t) => t.textContent as string);
    expect(titles).toHaveLength(2);
    expect(titles.find((t) => t.startsWith('Nur Zholy'))).not.toMatch(/not significant/);
    expect(titles.find((t) => t.startsWith('Dostyk'))).toMatch(/not significant/);
    expect(all(diffs, 'text').filter((t) => t.textContent === 'n.s.')).toHaveLength(1);
  });

  it('draws the zero line between a decrease and an increase', () => {
    const [, diffs] = all(chart(), 'svg.viz-plot');
    const zero = all(diffs, 'g[aria-label="rule"] line').find(
      (l) => l.getAttribute('x1') === l.getAttribute('x2') && l.getAttribute('y1') !== l.getAttribute('y2'),
    );
    const x = (name: string) =>
      Number(
        all(diffs, 'circle')
          .find((c) => c.querySelector('title')?.textContent.startsWith(name))!
          .getAttribute('cx'),
      );
    const zeroX = Number(zero.getAttribute('x1'));
    expect(x('Nur Zholy')).toBeLessThan(zeroX);
    expect(x('Dostyk')).toBeGreaterThan(zeroX);
  });

  it('tabulates every row, with a dash where a side has no figure', () => {
    const rows = all(chart(), 'details.viz-data tbody tr').map((r) =>
      all(r, 'th, td').map((c) => c.textContent as string),
    );
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual(['Akhalkalaki–Kars', '1.0', '–', '–', '–']);
    expect(q(chart()).querySelector('figcaption').textContent).toBe('Waits');
  });
});

describe('changeMarker', () => {
  const tips = (cls: 'muchBetter' | 'better' | 'worse' | 'muchWorse') => {
    const m = changeMarker(doc, cls, 100, 100)!;
    return all(m, 'path').map((p) => {
      const pts = (p.getAttribute('d') as string)
        .replace(/[MLZ]/g, ' ')
        .trim()
        .split(/\s+/)
        .map((xy) => xy.split(',').map(Number) as [number, number]);
      // The tip is the vertex off the base line (the one whose y differs from the other two).
      const ys = pts.map(([, y]) => y);
      return (
        ys.find((y) => ys.filter((z) => z === y).length === 1)! -
        ys.find((y) => ys.filter((z) => z === y).length === 2)!
      );
    });
  };

  it('points down for a shorter wait and up for a longer one: the direction reads without colour', () => {
    for (const t of [...tips('better'), ...tips('muchBetter')]) expect(t).toBeGreaterThan(0);
    for (const t of [...tips('worse'), ...tips('muchWorse')]) expect(t).toBeLessThan(0);
  });

  it('doubles the mark for a large change and draws none without a significant one', () => {
    expect(tips('better')).toHaveLength(1);
    expect(tips('muchBetter')).toHaveLength(2);
    expect(tips('worse')).toHaveLength(1);
    expect(tips('muchWorse')).toHaveLength(2);
    expect(changeMarker(doc, 'neutral', 0, 0)).toBeUndefined();
  });
});

describe('axis labels', () => {
  it('get a margin from the longest line, within bounds', () => {
    expect(labelWidth(['ab', 'abcdefghij'], 300)).toBe(Math.ceil(10 * 6.4) + 14);
    expect(labelWidth(['a'], 300)).toBe(60);
    expect(labelWidth(['x'.repeat(100)], 200)).toBe(200);
    expect(labelWidth(['Dostyk–Alashankou\nCN → KZ'], 300)).toBe(Math.ceil(17 * 6.4) + 14);
    // As many characters fit as the width was made for.
    expect(labelChars(labelWidth(['abcdefghij'], 300))).toBe(10);
  });

  it('are cut with an ellipsis, or wrapped onto two lines at a space', () => {
    expect(truncateLabel('Middle Corridor', 8)).toBe('Middle…');
    expect(truncateLabel('short', 8)).toBe('short');
    expect(fitLabel('Middle Corridor via Dostyk, Aktau and Akhalkalaki', 30)).toBe(
      'Middle Corridor via Dostyk,\nAktau and Akhalkalaki',
    );
    expect(fitLabel('Overland via Altynkol', 30)).toBe('Overland via Altynkol');
    for (const line of fitLabel('a'.repeat(10) + ' ' + 'b'.repeat(50), 20).split('\n'))
      expect(line.length).toBeLessThanOrEqual(20);
  });
});
