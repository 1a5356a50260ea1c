/**
 * The comparison report opened in headless Chromium: every map and chart drawn (non-empty SVG), no
 * console errors, no request leaving the file (it works offline), a summary and a methods section,
 * no chart label past its SVG's edge, changes marked by shape as well as colour, nothing wider than
 * an A4 page in print; screenshots (colour, grey scale, print) and an A4 PDF are kept in
 * test-artifacts/. Skipped, with a message, where /usr/bin/chromium is missing (CI installs it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CompareOptions, runCompare } from '../../src/app/compare.js';
import { compareReportHtml } from '../../src/cli/compare-report.js';
import { readNetworkFile } from '../../src/io/network-file.js';
import { readScenario } from '../../src/io/scenario-file.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

if (!HAS_CHROMIUM)
  console.warn(`report browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

let built: Promise<string> | undefined;
function reportHtml(): Promise<string> {
  built ??= buildReport();
  return built;
}

async function buildReport(): Promise<string> {
  const { model } = readNetworkFile();
  const s = readScenario('nur-zholy-24h');
  const result = await runCompare(
    model,
    CompareOptions.parse({
      scenarios: [{ name: s.name, scenario: s.data }],
      days: 20,
      replications: 3,
      workers: 1,
      to_year: 2026,
    }),
  );
  return compareReportHtml(model, result);
}

describe('the comparison report', () => {
  it('is one file with nothing to fetch: no script, stylesheet, font or image from elsewhere', async () => {
    const html = await reportHtml();
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    expect(html).toContain('Methods');
    expect(html).toMatch(/class="summary"/);
    expect(html).toMatch(/3 replications/);
  }, 60_000);

  it.skipIf(!HAS_CHROMIUM)(
    'draws every map and chart in Chromium, with no console errors',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, 'compare-report.html');
      writeFileSync(file, await reportHtml());
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
        const drawn = (await page.evaluate(() =>
          [...(globalThis as any).document.querySelectorAll('.viz-body svg')].map((svg: any) => {
            const box = svg.getBBox();
            const rect = svg.getBoundingClientRect();
            return {
              figure: svg.closest('figure')?.id ?? '',
              marks: svg.querySelectorAll('path, circle, rect, line, text').length,
              box: [box.width, box.height],
              shown: [rect.width, rect.height],
            };
          }),
        )) as { figure: string; marks: number; box: number[]; shown: number[] }[];
        const figures = new Set(drawn.map((d) => d.figure.replace(/^s0-/, '').replace(/-figure$/, '')));
        // Maps (scenario, base, close-up), waits, door to door, time–distance, utilization, tonnage, outlook.
        for (const f of [
          'map',
          'map-base',
          'map-closeup',
          'waits',
          'corridors',
          'tcd',
          'utilization',
          'tonnage',
          'outlook',
        ])
          expect([...figures], f).toContain(f);
        for (const d of drawn) {
          expect(d.marks, d.figure).toBeGreaterThan(5);
          expect(Math.min(...d.box, ...d.shown), d.figure).toBeGreaterThan(50);
        }
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        // No chart's text runs past the edge of its SVG (long corridor and crossing names on axes).
        const clipped = (await page.evaluate(() =>
          [...(globalThis as any).document.querySelectorAll('.viz-body svg.viz-plot')].flatMap((svg: any) => {
            const r = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')]
              .filter((t: any) => {
                const b = t.getBoundingClientRect();
                return b.width > 0 && (b.left < r.left - 1 || b.right > r.right + 1);
              })
              .map((t: any) => `${svg.closest('figure')?.id}: ${t.textContent}`);
          }),
        )) as string[];
        expect(clipped).toEqual([]);
        // Readable without colour: Nur Zholy's wait falls by days, beyond chance, so its crossing on
        // the close-up carries the large-decrease mark (two triangles pointing down), not only a fill.
        const marker = page.locator(
          '#s0-map-closeup-figure .viz-crossing[data-id="nur-zholy-khorgos"] .viz-change-marker',
        );
        expect(await marker.getAttribute('data-change')).toBe('muchBetter');
        expect(await marker.locator('path').count()).toBe(2);
        await page.screenshot({ path: join(ARTIFACTS, 'compare-report.png'), fullPage: true });
        await page.pdf({
          path: join(ARTIFACTS, 'compare-report.pdf'),
          format: 'A4',
          preferCSSPageSize: true,
        });
        // Printed on A4 (210 mm less 2 × 13 mm margins = 695 px at 96 px/in): nothing wider than the page.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 695, height: 1000 });
        const tooWide = (await page.evaluate(() => {
          const d = (globalThis as any).document;
          const width = d.documentElement.clientWidth;
          return [...d.querySelectorAll('figure, table, .summary, p')]
            .filter((e: any) => e.getBoundingClientRect().right > width + 1)
            .map((e: any) => e.id || e.className || e.tagName);
        })) as string[];
        expect(tooWide).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, 'compare-report-print.png'), fullPage: false });
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1100, height: 900 });
        await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
        await page.screenshot({ path: join(ARTIFACTS, 'compare-report-grey.png'), fullPage: true });
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
