/**
 * The preview page (every component on sample data shaped like the real network) opened in headless
 * Chromium: every map and chart drawn (non-empty SVG), no console errors; screenshots in colour and
 * in grey scale are kept in test-artifacts/. Skipped, with a message, where /usr/bin/chromium is
 * missing (CI installs it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { previewHtml } from '../../scripts/viz-preview.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

if (!HAS_CHROMIUM)
  console.warn(`viz preview browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

describe('the preview page in Chromium', () => {
  it.skipIf(!HAS_CHROMIUM)('draws every map and chart, with no console errors', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'viz-preview.html');
    writeFileSync(file, previewHtml());
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href);
      // Runs in the page (the test's TypeScript has no DOM library, hence `any`).
      const drawn = (await page.evaluate(() =>
        [...(globalThis as any).document.querySelectorAll('.viz-body svg')].map((svg: any) => {
          const box = svg.getBBox();
          const rect = svg.getBoundingClientRect();
          return {
            label: svg.getAttribute('aria-label') ?? '',
            marks: svg.querySelectorAll('path, circle, rect, line, text').length,
            box: [box.width, box.height],
            shown: [rect.width, rect.height],
          };
        }),
      )) as { label: string; marks: number; box: number[]; shown: number[] }[];
      expect(drawn.filter((d) => d.label.length > 0).length).toBe(drawn.length);
      // 2 maps, 2 wait panels, 3 corridor panels, 2 profiles, utilization, tonnage, outlook.
      expect(drawn).toHaveLength(12);
      for (const d of drawn) {
        expect(d.marks, d.label).toBeGreaterThan(5);
        expect(Math.min(...d.box, ...d.shown), d.label).toBeGreaterThan(50);
      }
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'viz-preview.png'), fullPage: true });
      await page.locator('#map-modes-figure').screenshot({ path: join(ARTIFACTS, 'viz-preview-map.png') });
      await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
      await page.screenshot({ path: join(ARTIFACTS, 'viz-preview-grey.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
