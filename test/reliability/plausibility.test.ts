/** Values valid in form but not in sense: warnings (and errors for the impossible) with the range. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseNetwork } from '../../src/model/load.js';
import { checkPlausibility, greatCircleKm, PLAUSIBLE } from '../../src/model/plausibility.js';
import { validateNetwork } from '../../src/model/validate.js';
import { caravan, DEFAULT, mini, ROOT } from '../helpers.js';
import { tempDir } from './helpers.js';

const implausible = (data: unknown) =>
  validateNetwork(data).issues.filter((i) => i.code === 'implausible_value');

describe('the embedded dataset and the fixtures', () => {
  it('have no implausible value', () => {
    for (const file of [
      DEFAULT,
      ...['mini', 'route-corridors', 'flow-corridors'].map((f) =>
        join(ROOT, 'test', 'fixtures', `${f}.yaml`),
      ),
    ]) {
      const r = parseNetwork(readFileSync(file, 'utf8'), file);
      expect(r.model, file).toBeDefined();
      expect(checkPlausibility(r.model!), file).toEqual([]);
    }
    const eurasia = parseNetwork(readFileSync(DEFAULT, 'utf8'));
    expect(eurasia.issues).toEqual([]); // 0 warnings of any kind
  });
});

describe('each range of the table', () => {
  /** A change to the mini network that puts one quantity just past its plausible maximum, and where. */
  const cases: [keyof typeof PLAUSIBLE, (d: Record<string, any>) => void, string][] = [
    [
      'demand_t_per_year',
      (d) => {
        delete d.demand[0].units_per_day;
        delete d.demand[0].unit;
        d.demand[0].t_per_year = 1.6e9;
      },
      'demand[0].t_per_year',
    ],
    [
      'demand_units_per_day',
      (d) => {
        d.demand[0].units_per_day = 210_000;
        d.demand[0].unit = 'teu';
      },
      'demand[0].units_per_day',
    ],
    [
      'capacity_t_per_year',
      (d) => {
        d.links[0].capacity_t_per_year = 3e9;
      },
      'links[0].capacity_t_per_year',
    ],
    [
      'capacity_units_per_day',
      (d) => {
        d.links[0].capacity_units_per_day = 300_000;
      },
      'links[0].capacity_units_per_day',
    ],
    [
      'capacity_trains_per_day',
      (d) => {
        d.links[1].capacity_trains_per_day = 600;
      },
      'links[1].capacity_trains_per_day',
    ],
    [
      'lanes',
      (d) => {
        d.crossings[0].lanes = 101;
      },
      'crossings[0].lanes',
    ],
    [
      'quota_units_per_day',
      (d) => {
        d.crossings[0].quota_units_per_day = 100_001;
      },
      'crossings[0].quota_units_per_day',
    ],
    [
      'departures_per_week',
      (d) => {
        d.services[0].departures_per_week = 1001;
      },
      'services[0].departures_per_week',
    ],
    [
      'service_capacity_units',
      (d) => {
        d.services[0].capacity_units = 30_001;
      },
      'services[0].capacity_units',
    ],
    [
      'unit_t',
      (d) => {
        d.units[0].t = 100_001;
      },
      'units[0].t',
    ],
    [
      'unit_teu',
      (d) => {
        d.units[1].teu = 30_001;
      },
      'units[1].teu',
    ],
    [
      'link_distance_km',
      (d) => {
        d.links[1].distance_km = 30_001;
        d.links[1].time = 'const(600h)';
      },
      'links[1].distance_km',
    ],
    [
      'crossing_distance_km',
      (d) => {
        d.crossings[0].distance_km = 201;
      },
      'crossings[0].distance_km',
    ],
    [
      'speed_kmh',
      (d) => {
        d.links[0].speed_kmh = 131;
      },
      'links[0].speed_kmh',
    ],
    [
      'step_time_h',
      (d) => {
        d.crossings[0].steps[0].time = 'const(721h)';
      },
      'crossings[0].steps[0].time',
    ],
    [
      'service_time_h',
      (d) => {
        d.services[0].time = 'const(2161h)';
        d.services[0].distance_km = 3000;
      },
      'services[0].time',
    ],
    [
      'max_wait_h',
      (d) => {
        d.services[0].max_wait = '31d';
      },
      'services[0].max_wait',
    ],
    [
      'cost_usd_per_t_km',
      (d) => {
        d.links[0].cost_usd_per_t_km = 5.1;
      },
      'links[0].cost_usd_per_t_km',
    ],
    [
      'cost_usd_per_t',
      (d) => {
        d.links[0].cost_usd_per_t = 10_001;
      },
      'links[0].cost_usd_per_t',
    ],
    [
      'cost_usd_per_unit',
      (d) => {
        d.crossings[0].fees_usd_per_unit = 100_001;
      },
      'crossings[0].fees_usd_per_unit',
    ],
    [
      'co2e_g_per_t_km',
      (d) => {
        d.modes.road.co2e_g_per_t_km = 2001;
      },
      'modes.road.co2e_g_per_t_km',
    ],
    [
      'idle_co2e_kg_per_unit_h',
      (d) => {
        d.modes.road.idle_co2e_kg_per_unit_h = 301;
      },
      'modes.road.idle_co2e_kg_per_unit_h',
    ],
    [
      'value_of_time_usd_per_t_h',
      (d) => {
        d.modes.road.value_of_time_usd_per_t_h = 101;
      },
      'modes.road.value_of_time_usd_per_t_h',
    ],
  ];

  it('covers every quantity of the table', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(Object.keys(PLAUSIBLE)));
  });

  it.each(cases)(
    '%s: just past the plausible maximum is a warning at its path, with the range',
    (q, change, path) => {
      const data = mini();
      change(data);
      const issues = implausible(data);
      expect(issues.map((i) => `${i.severity} ${i.path}`)).toEqual([`warning ${path}`]);
      const r = PLAUSIBLE[q];
      expect(issues[0]!.message).toContain(r.source);
      expect(issues[0]!.message).toMatch(/outside the plausible range .*–/);
    },
  );

  it('the impossible is an error: the network is not valid and no command runs on it', () => {
    const data = mini();
    data.demand[0].units_per_day = 10_000_000; // 73 billion t a year of trucks
    data.crossings[0].lanes = 20_000;
    data.services[0].departures_per_week = 20_000;
    data.links[0].speed_kmh = 2_000;
    data.links[1].distance_km = 50_000;
    data.links[1].time = 'const(600h)';
    const r = validateNetwork(data);
    expect(r.model).toBeUndefined();
    expect(
      r.issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code} ${i.path}`)
        .sort(),
    ).toEqual(
      [
        'implausible_value crossings[0].lanes',
        'implausible_value demand[0].units_per_day',
        'implausible_value links[0].speed_kmh',
        'implausible_value links[1].distance_km',
        'implausible_value services[0].departures_per_week',
      ].sort(),
    );
  });

  it('each direction and each dated change of an entry is checked too', () => {
    const data = mini();
    data.crossings[0].directions = { 'beta-gate->alpha-gate': { lanes: 101 } };
    data.services[0].timeline = [{ from: '2027-01-01', departures_per_week: 20_000 }];
    data.links[0].timeline = [
      { from: '2027-01-01', directions: { 'alpha-gate->alpha': { speed_kmh: 150 } } },
    ];
    const issues = implausible(data);
    expect(issues.map((i) => `${i.severity} ${i.path}`).sort()).toEqual([
      'error services[0].timeline[0].departures_per_week',
      'warning crossings[0].directions.beta-gate->alpha-gate.lanes',
      'warning links[0].timeline[0].directions.alpha-gate->alpha.speed_kmh',
    ]);
  });

  it('a link time implies a speed: 300 km in 1 h by rail is too fast', () => {
    const data = mini();
    data.links[1].time = 'const(1h)';
    expect(implausible(data).map((i) => i.path)).toEqual(['links[1].time']);
    expect(implausible(data)[0]!.message).toContain('300 km/h (300 km in 1 h on average, by rail)');
  });

  it('a distance far shorter than the straight line between its ends is a warning', () => {
    const data = mini();
    data.links[1].distance_km = 1; // beta-gate to beta: about 300 km apart
    data.links[1].time = 'const(1h)';
    expect(implausible(data).map((i) => i.path)).toEqual(['links[1].distance_km']);
  });
});

describe('great-circle distance', () => {
  it('a quarter of a meridian and half the equator, on a sphere of 6,371 km', () => {
    expect(greatCircleKm({ lon: 0, lat: 0 }, { lon: 0, lat: 90 })).toBeCloseTo((Math.PI / 2) * 6371, 6);
    expect(greatCircleKm({ lon: 0, lat: 0 }, { lon: 180, lat: 0 })).toBeCloseTo(Math.PI * 6371, 6);
    expect(greatCircleKm({ lon: 10, lat: 20 }, { lon: 10, lat: 20 })).toBe(0);
  });
});

describe('before a run', () => {
  it('the warnings are shown on standard error, and the run goes on', () => {
    const data = mini();
    data.links[0].speed_kmh = 140; // a truck averaging 140 km/h
    const file = join(tempDir(), 'fast.yaml');
    writeFileSync(file, stringify(data));
    const r = caravan([
      'simulate',
      '--network',
      file,
      '--days',
      '2',
      '--drain-days',
      '2',
      '--replications',
      '2',
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /fast\.yaml:\d+: warning: links\[0\]\.speed_kmh: 140 km\/h \(by road\) is outside the plausible range 1–130 km\/h/,
    );
    expect(r.stdout).toContain('Simulated 2 replications');
  });
});

describe('a capacity given twice', () => {
  const disagree = (data: unknown) =>
    validateNetwork(data).issues.filter((i) => i.code === 'capacities_disagree');

  it('is reported when the two figures differ by more than half, naming the one that binds', () => {
    const d = mini();
    // 100 trucks of 20 t a day: 730,000 t a year, against the 2 Mt a year it also declares
    d.crossings[0].capacity_units_per_day = 100;
    const found = disagree(d);
    expect(found.map((i) => [i.path, i.severity])).toEqual([
      ['crossings[0].capacity_units_per_day', 'warning'],
    ]);
    expect(found[0]!.message).toContain("make 0.73 Mt/yr, against capacity_t_per_year's 2 Mt/yr");
    expect(found[0]!.message).toContain('here capacity_units_per_day rather than capacity_t_per_year');
    // 280 a day make 2.044 Mt/yr: the two agree
    d.crossings[0].capacity_units_per_day = 280;
    expect(disagree(d)).toEqual([]);
  });

  it('counts trains in the `train` unit, both ways round', () => {
    const d = mini();
    d.units.push({ id: 'train', t: 1000, provenance: { t: 'handbook' } });
    // 20 trains of 1,000 t a day: 7.3 Mt/yr, far above the 2 Mt/yr declared, which binds
    d.crossings[0].capacity_trains_per_day = 20;
    const found = disagree(d);
    expect(found.map((i) => i.path)).toEqual(['crossings[0].capacity_trains_per_day']);
    expect(found[0]!.message).toContain('here capacity_t_per_year rather than capacity_trains_per_day');
    d.crossings[0].capacity_trains_per_day = 6; // 2.19 Mt/yr: agrees
    expect(disagree(d)).toEqual([]);
  });
});
