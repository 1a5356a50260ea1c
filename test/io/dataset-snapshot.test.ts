/**
 * The snapshot of the embedded dataset: the model validated at build time, used only while the YAML
 * is the one it was made from and no limit is below its default; its cached loaded state only for
 * the code version that solved it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { solveLoadedStateCache } from '../../src/flow/loaded-state-cache.js';
import { readSnapshot } from '../../src/io/dataset-snapshot.js';
import { writeSnapshot } from '../../src/io/write-dataset-snapshot.js';
import { rememberZoneOffsets, utcOffsetHours } from '../../src/model/calendar.js';
import { countryName, rememberCountryNames } from '../../src/model/country.js';
import { configureLimits } from '../../src/model/limits.js';
import { loadNetwork } from '../../src/model/load.js';
import { DEFAULT_DATE } from '../../src/model/timeline.js';
import { DEFAULT, MINI } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'caravan-snapshot-'));

afterEach(() => configureLimits({}));

describe('the dataset snapshot', () => {
  const path = join(dir, 'eurasia.json');
  const text = readFileSync(DEFAULT, 'utf8');
  writeSnapshot(DEFAULT, 'data/eurasia/network.yaml', { path, codeVersion: 'v1' });

  it('holds the model and warnings that parsing and validating the YAML give', () => {
    const parsed = loadNetwork(text, 'shown/network.yaml');
    const read = readSnapshot(text, 'shown/network.yaml', { path, codeVersion: 'v1' });
    expect(read?.model).toEqual(parsed.model);
    expect(read?.warnings).toEqual(parsed.warnings);
  });

  it('gives the model without sources and provenance when asked, which computes the same', () => {
    const parsed = loadNetwork(text, 'x').model!;
    const lean = readSnapshot(text, 'x', { path, codeVersion: 'v1', provenance: false })?.model;
    // by hand: the parsed model, every `provenance` key at every depth and the sources left out
    const strip = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(strip)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .filter(([k]) => k !== 'provenance')
                .map(([k, x]) => [k, strip(x)]),
            )
          : v;
    expect(lean).toEqual({ ...(strip(parsed) as object), sources: [] });
    expect(JSON.stringify(lean)).not.toContain('provenance');
    expect(parsed.sources.length).toBeGreaterThan(0);
    expect(solveLoadedStateCache(lean!, DEFAULT_DATE)).toEqual(solveLoadedStateCache(parsed, DEFAULT_DATE));
    // the whole model lives in a file of its own; without it, only the lean model is read
    const alone = join(dir, 'alone.json');
    writeFileSync(alone, readFileSync(path));
    expect(readSnapshot(text, 'x', { path: alone, codeVersion: 'v1' })).toBeUndefined();
    expect(readSnapshot(text, 'x', { path: alone, codeVersion: 'v1', provenance: false })?.model).toEqual(
      lean,
    );
  });

  it('gives its cached loaded state to the code version that solved it, and to no other', () => {
    expect(readSnapshot(text, 'x', { path, codeVersion: 'v1' })?.loadedState).toEqual(
      solveLoadedStateCache(loadNetwork(text).model, DEFAULT_DATE),
    );
    expect(readSnapshot(text, 'x', { path, codeVersion: 'v2' })?.loadedState).toBeUndefined();
    expect(readSnapshot(text, 'x', { path, codeVersion: undefined })?.loadedState).toBeUndefined();
    expect(readSnapshot(text, 'x', { path, codeVersion: 'v2' })?.model).toBeDefined();
  });

  it("is matched by the file's bytes as by its text", () => {
    const bytes = readFileSync(DEFAULT);
    expect(readSnapshot(bytes, 'x', { path, codeVersion: 'v1' })).toEqual(
      readSnapshot(text, 'x', { path, codeVersion: 'v1' }),
    );
    expect(
      readSnapshot(Buffer.concat([bytes, Buffer.from('\n')]), 'x', { path, codeVersion: 'v1' }),
    ).toBeUndefined();
    // a byte-order mark makes another file (one that reading refuses), never the snapshot's
    expect(
      readSnapshot(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'x', { path, codeVersion: 'v1' }),
    ).toBeUndefined();
  });

  it('is not used for another text, below a default limit, or when missing or of another format', () => {
    expect(readSnapshot(`${text}\n# changed\n`, 'x', { path, codeVersion: 'v1' })).toBeUndefined();
    expect(readSnapshot(readFileSync(MINI, 'utf8'), 'x', { path, codeVersion: 'v1' })).toBeUndefined();
    expect(readSnapshot(text, 'x', { path: join(dir, 'none.json'), codeVersion: 'v1' })).toBeUndefined();
    const old = join(dir, 'old.json');
    writeFileSync(
      old,
      JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), format: 'caravan-snapshot/1' }),
    );
    expect(readSnapshot(text, 'x', { path: old, codeVersion: 'v1' })).toBeUndefined();
    configureLimits({ values: { nodes: 10 } });
    expect(readSnapshot(text, 'x', { path, codeVersion: 'v1' })).toBeUndefined();
  });

  it('caches no loaded state without a code version', () => {
    const bare = join(dir, 'bare.json');
    writeSnapshot(DEFAULT, 'data/eurasia/network.yaml', { path: bare });
    const json = JSON.parse(readFileSync(bare, 'utf8'));
    expect(json.code_version).toBeNull();
    expect(json.loaded_state).toBeNull();
  });

  it("carries each of the network's time zones with its UTC offset on 2025-01-01, for the same time-zone data only", () => {
    const read = readSnapshot(text, 'x', { path, codeVersion: 'v1' });
    const byZone = new Map(read?.zoneOffsets?.map((o) => [o.tz, o]));
    // the named ones (an offset such as UTC+05:00 needs no time-zone data)
    const zones = new Set(
      loadNetwork(text, 'x')
        .model!.crossings.map((c) => c.tz)
        .filter((tz) => tz.includes('/')),
    );
    for (const tz of zones) expect(byZone.has(tz), tz).toBe(true);
    // by hand: standard time in January (Kazakhstan on one zone, UTC+5, since 1 March 2024)
    const truth: Record<string, number> = {
      'Asia/Almaty': 5,
      'Asia/Shanghai': 8,
      'Asia/Tbilisi': 4,
      'Europe/Warsaw': 1,
    };
    for (const [tz, hours] of Object.entries(truth)) {
      if (!zones.has(tz)) continue;
      expect(byZone.get(tz)).toEqual({ tz, at_ms: Date.UTC(2025, 0, 1), hours });
    }
    expect(
      readSnapshot(text, 'x', { path, codeVersion: 'v1', tzdata: 'another-tzdata' })?.zoneOffsets,
    ).toBeUndefined();
  });

  it('answers an offset it was given without asking the time-zone data', () => {
    const at = new Date(Date.UTC(2025, 0, 1));
    expect('error' in utcOffsetHours('Nowhere/Made_Up', at)).toBe(true);
    rememberZoneOffsets([{ tz: 'Nowhere/Made_Up', at_ms: at.getTime(), hours: 3.5 }]);
    expect(utcOffsetHours('Nowhere/Made_Up', at)).toEqual({ hours: 3.5 });
    expect('error' in utcOffsetHours('Nowhere/Made_Up', new Date(Date.UTC(2025, 6, 1)))).toBe(true);
  });

  it("carries the English name of each of the network's countries, for the same locale data only", () => {
    const read = readSnapshot(text, 'x', { path, codeVersion: 'v1' });
    const countries = new Set(loadNetwork(text, 'x').model!.nodes.map((n) => n.country));
    expect(Object.keys(read?.countryNames ?? {}).sort()).toEqual([...countries].sort());
    const icu = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of countries) expect(read?.countryNames?.[code], code).toBe(icu.of(code));
    expect(read?.countryNames?.KZ).toBe('Kazakhstan');
    expect(
      readSnapshot(text, 'x', { path, codeVersion: 'v1', cldr: 'another-cldr' })?.countryNames,
    ).toBeUndefined();
  });

  it('answers a country name it was given without asking the locale data', () => {
    expect(countryName('XQ')).toBe('XQ');
    rememberCountryNames({ QO: 'Outlying Oceania, as remembered' });
    expect(countryName('QO')).toBe('Outlying Oceania, as remembered');
    expect(countryName('KZ')).toBe('Kazakhstan');
  });
});
