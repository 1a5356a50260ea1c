/**
 * Golden files: every component drawn from the hand-made data, compared with test/viz/golden/.
 * Regenerate on purpose with `UPDATE_GOLDEN=1 npx vitest run test/viz/golden.test.ts` and review
 * the diff. One element per line, so that diffs are readable.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VizElement } from '../../src/viz/dom.js';
import {
  corridorComparisonChart,
  networkMap,
  outlookChart,
  timeCostDistanceChart,
  tonnageChart,
  utilizationChart,
  waitDistributionChart,
} from '../../src/viz/index.js';
import { newDocument } from './dom.js';
import { CORRIDORS, OUTLOOK, PROFILES, TONNAGE, UTILIZATION, WAITS } from './sample-charts.js';
import { COMPARED, MAP } from './sample-network.js';

const DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const doc = newDocument();
const caption = 'Source: hand-made test data';

const CASES: Record<string, () => VizElement> = {
  'network-map.svg': () => networkMap(doc, MAP, { id: 'golden-map', width_px: 640, title: 'Network map' }),
  'network-map-comparison.svg': () =>
    networkMap(doc, COMPARED, {
      id: 'golden-cmp',
      width_px: 640,
      color_by: 'utilization',
      title: 'Comparison map',
    }),
  'wait-distribution.html': () => waitDistributionChart(doc, WAITS, { id: 'waits', title: 'Waits', caption }),
  'corridor-comparison.html': () =>
    corridorComparisonChart(doc, CORRIDORS, { id: 'corridors', title: 'Corridors', caption }),
  'time-cost-distance.html': () =>
    timeCostDistanceChart(doc, PROFILES, { id: 'tcd', title: 'Profiles', caption }),
  'utilization.html': () =>
    utilizationChart(doc, UTILIZATION, { id: 'utilization', title: 'Utilization', caption }),
  'tonnage.html': () => tonnageChart(doc, TONNAGE, { id: 'tonnage', title: 'Tonnage', caption }),
  'outlook.html': () => outlookChart(doc, OUTLOOK, { id: 'outlook', title: 'Outlook', caption }),
};

/** One element per line. */
function lines(markup: string): string {
  return `${markup.replace(/></g, '>\n<')}\n`;
}

describe('golden files', () => {
  if (UPDATE) mkdirSync(DIR, { recursive: true });
  for (const [name, render] of Object.entries(CASES)) {
    it(`${name} matches test/viz/golden/${name}`, () => {
      const text = lines(render().outerHTML);
      const path = join(DIR, name);
      if (UPDATE) writeFileSync(path, text);
      expect(existsSync(path), `missing golden ${name}: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
      expect(text).toBe(readFileSync(path, 'utf8'));
      // Drawing twice gives the same markup: no random ids, no counters.
      expect(lines(render().outerHTML)).toBe(text);
    });
  }
});
