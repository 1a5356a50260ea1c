/**
 * The default network's demand reproduces the sourced tonnages it is built from (SOURCES.md E8),
 * recomputed here from the published figures, not from the file's own arithmetic:
 * - China–Kazakhstan rail in 2024: over 32 Mt, Kazakh exports 13.7 Mt, transit 15.3 Mt (+19%), imports
 *   +5% (Railway and Water Transport Committee via The Astana Times, 20 Jan 2025); 2023: exports 12.6 Mt
 *   (Astana Times, 10 Jun 2024); Jan–Sep 2023: 12.8 of 21.1 Mt went to China (KTZ via Interfax).
 * - China → EU via the 1,520 mm network: 412,000 TEU in 2024, about 15 going back per 100 (UTLC ERA via
 *   maritime-network, 16 Mar 2025).
 * - KTZ transit in 2023: over 27 Mt (Akorda via kt.kz, 2 Feb 2024).
 * - Middle Corridor: 4.1 Mt in Jan–Nov 2024 (Kazakh government via Trend).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseNetwork } from '../../src/model/load.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { DEFAULT } from '../helpers.js';

const model = parseNetwork(readFileSync(DEFAULT, 'utf8'), 'network.yaml').model as NetworkModel;
const country = new Map(model.nodes.map((n) => [n.id, n.country]));
const unitT = new Map(model.units.map((u) => [u.id, u.t]));
const modeUnit = new Map(Object.entries(model.modes).map(([id, m]) => [id, m.unit]));

/** Tonnes a year of a demand entry, from t_per_year or from its units a day. */
function tonnes(d: NetworkModel['demand'][number]): number {
  if (d.t_per_year !== undefined) return d.t_per_year;
  const unit = d.unit ?? modeUnit.get(d.mode!)!;
  return d.units_per_day! * unitT.get(unit)! * 365;
}
const from = (d: NetworkModel['demand'][number]) => country.get(d.from)!;
const to = (d: NetworkModel['demand'][number]) => country.get(d.to)!;
const sum = (pred: (d: NetworkModel['demand'][number]) => boolean) =>
  model.demand.filter(pred).reduce((s, d) => s + tonnes(d), 0);
const isRoadOnly = (d: NetworkModel['demand'][number]) => (d.modes ?? [d.mode]).every((m) => m === 'road');

// The published figures (Mt), and what follows from them.
const EXPORTS_2024 = 13.7;
const TRANSIT_CN_2024 = 15.3;
const TOTAL_CN_2024 = 32;
const IMPORTS_2024 = TOTAL_CN_2024 - EXPORTS_2024 - TRANSIT_CN_2024;
const EXPORTS_2023 = 12.6;
const TRANSIT_CN_2023 = TRANSIT_CN_2024 / 1.19;
const TOTAL_CN_2023 = EXPORTS_2023 + IMPORTS_2024 / 1.05 + TRANSIT_CN_2023;
const EAST_SHARE_2023 = 12.8 / 21.1;
const EAST_TRANSIT_SHARE = (TOTAL_CN_2023 * EAST_SHARE_2023 - EXPORTS_2023) / TRANSIT_CN_2023;
const CN_EU_TEU = 412_000;
const TEU_T = 10;
const KTZ_TRANSIT_2023 = 27;
const MC_2024 = (4.1 * 12) / 11;
const MT = 1e6;
const near = (got: number, want: number, rel = 0.005) => expect(Math.abs(got / want - 1)).toBeLessThan(rel);

describe('the default demand reproduces the sourced tonnages', () => {
  it('2023 adds up to the "over 28 Mt" that crossed, a check of the reading of the 2024 figures', () => {
    expect(TOTAL_CN_2023).toBeGreaterThan(28);
    expect(TOTAL_CN_2023).toBeLessThan(29);
  });

  it('Kazakh exports to China by rail: 13.7 Mt, all bulk', () => {
    near(
      sum((d) => from(d) === 'KZ' && to(d) === 'CN'),
      EXPORTS_2024 * MT,
    );
    for (const d of model.demand.filter((d) => from(d) === 'KZ' && to(d) === 'CN'))
      expect(d.cargo).toBe('bulk');
  });

  it('imports from China by rail: what is left of the 32 Mt, 3.0 Mt; trucks come on top', () => {
    near(
      sum((d) => from(d) === 'CN' && to(d) === 'KZ' && !isRoadOnly(d)),
      IMPORTS_2024 * MT,
    );
  });

  it('transit across the China–Kazakhstan border: 15.3 Mt, split by direction as in 2023', () => {
    const transit = (d: NetworkModel['demand'][number]) =>
      (from(d) === 'CN') !== (to(d) === 'CN') && from(d) !== 'KZ' && to(d) !== 'KZ';
    const east = sum((d) => transit(d) && to(d) === 'CN');
    const west = sum((d) => transit(d) && from(d) === 'CN');
    near(east + west, TRANSIT_CN_2024 * MT);
    near(east, TRANSIT_CN_2024 * EAST_TRANSIT_SHARE * MT, 0.01);
    // All across the rail border: exports + imports + transit = the 32 Mt of 2024
    near(
      sum((d) => (from(d) === 'CN') !== (to(d) === 'CN') && !isRoadOnly(d)),
      TOTAL_CN_2024 * MT,
    );
  });

  it('China → EU 412,000 TEU westbound and about 15 per 100 eastbound', () => {
    const eu = new Set(['DE', 'PL', 'NL']);
    near(
      sum((d) => from(d) === 'CN' && eu.has(to(d))),
      CN_EU_TEU * TEU_T,
    );
    near(
      sum((d) => eu.has(from(d)) && to(d) === 'CN'),
      0.15 * CN_EU_TEU * TEU_T,
    );
  });

  it('transit through Kazakhstan in all reconciles with KTZ: the rest of 2023, beyond the China border, is the Russia–Central Asia scenario', () => {
    const through = (d: NetworkModel['demand'][number]) => from(d) !== 'KZ' && to(d) !== 'KZ';
    // The base demand's transit is the China-border transit alone
    expect(sum((d) => through(d) && from(d) !== 'CN' && to(d) !== 'CN')).toBe(0);
    const scenario = parse(
      readFileSync(join(DEFAULT, '..', 'scenarios', 'russia-central-asia-transit.yaml'), 'utf8'),
    ) as { add: { demand: NetworkModel['demand'] } };
    const added = scenario.add.demand;
    expect(added.map((d) => [from(d), to(d)])).toEqual([['RU', 'UZ']]);
    // KTZ's 27 Mt less what crossed the China border in transit in 2023
    near(
      added.reduce((s, d) => s + tonnes(d), 0),
      (KTZ_TRANSIT_2023 - TRANSIT_CN_2023) * MT,
    );
  });

  it('the Middle Corridor carries its 2024 volume, 4.1 Mt in eleven months', () => {
    near(
      sum((d) => d.id === 'mc-containers' || d.id === 'mc-other'),
      MC_2024 * MT,
    );
  });

  it('every demand names its cargo class, and each class has an unserved cost', () => {
    const classes = new Set(model.cargo_classes.map((c) => c.id));
    expect([...classes].sort()).toEqual(['bulk', 'containers', 'general']);
    for (const d of model.demand) expect(classes.has(d.cargo_class ?? d.cargo ?? '')).toBe(true);
  });
});
