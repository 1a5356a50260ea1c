import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET, renderSourcesMd, SOURCES_MD } from '../../scripts/sources-md.js';
import { parseNetwork } from '../../src/model/load.js';
import type { NetworkModel } from '../../src/model/schema.js';

const text = readFileSync(DATASET, 'utf8');
const model = parseNetwork(text, 'network.yaml').model as NetworkModel;

describe('SOURCES.md', () => {
  it('is in step with network.yaml (npm run data:sources rewrites it)', () => {
    const md = readFileSync(SOURCES_MD, 'utf8');
    expect(renderSourcesMd(text, md)).toBe(md);
  });

  it('lists every source of the dataset once, with its URL, and no other', () => {
    const md = readFileSync(SOURCES_MD, 'utf8');
    const table = md.slice(
      md.indexOf('<!-- generated:sources begin'),
      md.indexOf('<!-- generated:sources end'),
    );
    const rows = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(model.sources.map((s) => s.id));
    for (const s of model.sources) if (s.url) expect(md).toContain(s.url);
  });
});

describe('the sources of the dataset are findable', () => {
  it('every URL is a page, not a bare domain', () => {
    for (const s of model.sources) {
      if (!s.url) continue;
      const u = new URL(s.url);
      expect(u.pathname.length > 1 || u.search.length > 1, `${s.id}: ${s.url}`).toBe(true);
    }
  });

  it('a source without a URL has a publisher and a dated edition', () => {
    for (const s of model.sources) {
      if (s.url) continue;
      expect(s.publisher, s.id).toBeTruthy();
      expect(s.date, s.id).toMatch(/\d{4}/);
    }
  });

  it('no anonymous code file, news aggregator or scraped copy is cited', () => {
    for (const s of model.sources) {
      const where = `${s.publisher ?? ''} ${s.url ?? ''}`;
      expect(where, s.id).not.toMatch(/github|unknown|vibewire|news-pravda/i);
      expect(s.reliability, s.id).toMatch(/^(primary|secondary|third-party)$/);
    }
  });

  it('every source is on one reliability scale: Wikipedia and its mirrors are third-party, ADB and KTZ primary', () => {
    for (const s of model.sources) {
      if (/wikipedia|mirror/i.test(s.publisher ?? '')) expect(s.reliability, s.id).toBe('third-party');
      if (/Asian Development Bank|Kazakhstan Temir Zholy \(KTZ\)|\(UIC\)/.test(s.publisher ?? ''))
        expect(s.reliability, s.id).toBe('primary');
    }
  });
});
