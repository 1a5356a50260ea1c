/** Operational capacity from how a crossing or service works, against hand-computed figures. */
import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../src/model/validate.js';
import { compileNetwork } from '../../src/network/compile.js';
import { networkCapacity } from '../../src/network/operational-capacity.js';
import { mini } from '../helpers.js';

function capacity(change: (m: Record<string, any>) => void = () => {}) {
  const m = mini();
  change(m);
  const r = validateNetwork(m);
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return networkCapacity(compileNetwork(r.model));
}

describe('operational capacity', () => {
  it('a crossing clears lanes × (open hours ÷ mean clearance + the last unit of each spell), each way', () => {
    // 2 lanes, Mon–Sat 9 h a day; clearance tri(10 min, 20 min, 1 h) always (mean 0.5 h, variance
    // (a²+b²+c²−ab−ac−bc)/18 h²) plus exp(1 h) taken by 30 % and repeated with 20 %: 0.3/0.8 = 0.375
    // passes of mean 1 h, pass count variance p(1+r)/(1−r)² − passes² = 0.5625 − 0.140625.
    const a = 1 / 6;
    const b = 1;
    const c = 1 / 3;
    const mean = 0.5 + 0.375;
    const passesVar = (0.3 * 1.2) / 0.64 - 0.375 ** 2;
    const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18 + 0.375 * 1 + passesVar * 1;
    const cv2 = variance / mean ** 2;
    // Six spells of 9 h a week, each: 9/m + (1 + cv²)/2 starts per lane (renewal theorem).
    const perH = (2 * 6 * (9 / mean + (1 + cv2) / 2)) / 168;
    const gate = capacity().crossings[0]!;
    for (const side of gate.sides) {
      expect(side!.operationalUnitsPerH).toBeCloseTo(perH, 12);
      expect(side!.operationalTPerYear).toBeCloseTo(perH * 20 * 8760, 6);
      expect(side!.binding).toBe('lanes');
      expect(side!.effectiveTPerYear).toBeCloseTo(perH * 20 * 8760, 6);
    }
    expect(gate.sharedTPerYear).toBe(2_000_000);
  });

  it('a daily quota binds when it clears less than the lanes', () => {
    const gate = capacity((m) => {
      m.crossings[0].quota_units_per_day = 10;
    }).crossings[0]!;
    // 10 a day on the six days it opens (Mon–Sat), none on Sunday.
    expect(gate.sides[0].operationalUnitsPerH).toBeCloseTo((10 * 6) / 168, 12);
    expect(gate.sides[0].binding).toBe('quota');
  });

  it('a declared capacity for one direction caps it, and says so', () => {
    const gate = capacity((m) => {
      m.crossings[0].directions = { 'beta-gate->alpha-gate': { capacity_t_per_year: 50_000 } };
    }).crossings[0]!;
    expect(gate.sides[1]!.effectiveTPerYear).toBe(50_000);
    expect(gate.sides[1]!.binding).toBe('declared');
    expect(gate.sides[0].binding).toBe('lanes');
  });

  it('a service carries departures × units a departure × the share that sail', () => {
    const ferry = capacity((m) => {
      m.services[0].monthly_profile = [0.5, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5];
      m.services[0].departs_when_full = false;
    }).services[0]!;
    const perH = ((3 / 168) * 50 * (10.5 / 12)) as number;
    expect(ferry.sides[0].operationalUnitsPerH).toBeCloseTo(perH, 12);
    expect(ferry.sides[0].operationalTPerYear).toBeCloseTo(perH * 20 * 8760, 6);
    expect(ferry.sharedTPerYear).toBe(1_000_000);
    // One that also leaves when full sails as often as it fills: only the declared figure binds.
    const whenFull = capacity().services[0]!;
    expect(whenFull.sides[0].operationalUnitsPerH).toBe(Number.POSITIVE_INFINITY);
  });

  it('a link has only what is declared', () => {
    const road = capacity().links[0]!;
    expect(road.sides[0].effectiveTPerYear).toBe(Number.POSITIVE_INFINITY);
    expect(road.sides[0].binding).toBe('none');
    expect(road.sharedTPerYear).toBe(5_000_000);
  });
});
