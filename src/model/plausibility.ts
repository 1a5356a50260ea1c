/**
 * Plausibility: values valid in form but not in sense — a demand of ten million trucks a day, a
 * ferry at 900 km/h, a tariff of USD 1,000 per tonne-km. One table of ranges, each bound with where
 * it comes from; outside the plausible range is a warning, outside the possible range an error.
 */
import { distributionMean, parseDistribution } from './distribution.js';
import { parseDuration } from './duration.js';
import { InputError, type Issue, issue, type PathSegment } from './issue.js';
import { currentLimits, limitIssue } from './limits.js';
import type { Mode, NetworkModel } from './schema.js';
import { trainTonnes } from './train-unit.js';

export interface Range {
  /** Outside [min, max]: a warning. */
  readonly plausible: readonly [number, number];
  /** Outside [min, max]: an error (no real network has it, or a run would not end). */
  readonly possible?: readonly [number, number];
  readonly unit: string;
  /** Why the plausible bounds are where they are, for the message. */
  readonly source: string;
  /** Why the possible bounds are where they are, for the message. */
  readonly limit?: string;
}

/** The ranges, by quantity. */
export const PLAUSIBLE = {
  demand_t_per_year: {
    plausible: [0, 1.5e9],
    possible: [0, 1.2e10],
    unit: 't/yr',
    // Ningbo-Zhoushan, the busiest port, handled about 1.3 billion t in 2023; world seaborne trade
    // was about 12 billion t in 2022 (UNCTAD, Review of Maritime Transport 2023).
    source: 'the busiest port, Ningbo-Zhoushan, handles 1.3 billion t a year',
    limit: "all the world's seaborne trade is 12 billion t a year",
  },
  demand_units_per_day: {
    plausible: [0, 200_000],
    unit: 'units/day',
    // Shanghai, the busiest container port: 49 million TEU in 2023, 134,000 TEU a day; the busiest
    // truck crossings (Laredo) clear about 15,000 trucks a day.
    source: 'the busiest container port moves 134,000 TEU a day',
  },
  capacity_t_per_year: {
    plausible: [0, 2e9],
    unit: 't/yr',
    source: 'the busiest port in the world handles 1.3 billion t a year',
  },
  capacity_units_per_day: {
    plausible: [0, 200_000],
    unit: 'units/day',
    source: 'the busiest container port moves 134,000 TEU a day',
  },
  capacity_trains_per_day: {
    plausible: [0, 500],
    unit: 'trains/day',
    // A double-track line on moving-block signalling runs a train every 3–4 minutes each way.
    source: 'a double-track main line carries at most a few hundred trains a day',
  },
  lanes: {
    plausible: [1, 100],
    possible: [1, 10_000],
    unit: 'lanes',
    // San Ysidro, the largest land border crossing, has 63 lanes; Khorgos has 45.
    source: 'the largest land border crossing (San Ysidro) has 63 lanes',
    limit: 'no crossing has more than a few dozen lanes, and a simulation holds each lane',
  },
  quota_units_per_day: {
    plausible: [0, 100_000],
    unit: 'units/day',
    source: 'the busiest truck crossings clear about 15,000 trucks a day',
  },
  departures_per_week: {
    plausible: [0, 1_000],
    possible: [0, 10_080],
    unit: 'departures/week',
    // 1,000 a week is one every 10 minutes; 10,080 one a minute, more than any service runs.
    source: 'one departure every 10 minutes is 1,000 a week',
    limit: 'a departure every minute is no timetable',
  },
  service_capacity_units: {
    plausible: [1, 30_000],
    unit: 'units',
    // The largest container ships carry 24,000 TEU (MSC Irina, 2023).
    source: 'the largest container ship carries 24,000 TEU',
  },
  unit_t: {
    plausible: [0.01, 100_000],
    unit: 't',
    // The heaviest train ever run carried 82,000 t of ore (99,700 t gross, BHP, 2001).
    source: 'the heaviest train ever run weighed 99,700 t',
  },
  unit_teu: {
    plausible: [0, 30_000],
    unit: 'TEU',
    source: 'the largest container ship carries 24,000 TEU',
  },
  link_distance_km: {
    plausible: [0.01, 30_000],
    possible: [0, 40_075],
    unit: 'km',
    // Shanghai–Rotterdam round the Cape of Good Hope is about 26,000 km; the equator is 40,075 km.
    source: 'Shanghai to Rotterdam round Africa is 26,000 km',
    limit: 'the equator is 40,075 km',
  },
  crossing_distance_km: {
    plausible: [0, 200],
    unit: 'km',
    source: 'a border crossing, approach roads included, spans at most a few dozen km',
  },
  speed_kmh: {
    plausible: [1, 160],
    possible: [0, 1_000],
    unit: 'km/h',
    // Freight trains run at up to 120–160 km/h, trucks at up to 90–130, ships at 15–25 knots
    // (28–46 km/h); an airliner cruises at 900 km/h.
    source: 'freight moves at most at 160 km/h on land and 70 km/h at sea',
    limit: 'an airliner cruises at 900 km/h',
  },
  step_time_h: {
    plausible: [0, 720],
    unit: 'h',
    source: 'a clearance step or a handling takes hours or days, not months',
  },
  service_time_h: {
    plausible: [0, 2_160],
    unit: 'h',
    source: 'Asia to Europe by sea round Africa takes about 45 days',
  },
  max_wait_h: {
    plausible: [0, 720],
    unit: 'h',
    source: 'a departure is held for days at most, not months',
  },
  cost_usd_per_t_km: {
    plausible: [0, 5],
    unit: 'USD/t-km',
    // Road freight costs 0.05–0.20 USD/t-km, air freight 0.5–1.5.
    source: 'air freight costs 0.5–1.5 USD per tonne-km',
  },
  cost_usd_per_t: {
    plausible: [0, 10_000],
    unit: 'USD/t',
    source: 'most cargo is worth less than USD 10,000 a tonne',
  },
  cost_usd_per_unit: {
    plausible: [0, 100_000],
    unit: 'USD/unit',
    // Spot container rates peaked at about USD 20,000 per FEU China–Europe in 2021.
    source: 'a container from China to Europe peaked at USD 20,000 in 2021',
  },
  co2e_g_per_t_km: {
    plausible: [0, 2_000],
    unit: 'g/t-km',
    // GLEC Framework: sea 5–20, rail 10–30, road 60–120, air freight 500–1,000 g CO2e per t-km.
    source: 'air freight emits 500–1,000 g CO2e per tonne-km (GLEC)',
  },
  idle_co2e_kg_per_unit_h: {
    plausible: [0, 300],
    unit: 'kg/unit-h',
    // An idling truck burns 2–4 l of diesel an hour (5–10 kg CO2e), a locomotive 20–40 l.
    source: 'an idling locomotive emits about 100 kg CO2e an hour',
  },
  value_of_time_usd_per_t_h: {
    plausible: [0, 100],
    unit: 'USD/t-h',
    // Cargo worth USD 10 million a tonne at 10 % a year costs USD 114 per tonne-hour.
    source: 'even pharmaceuticals worth USD 10 million a tonne cost about USD 100 per tonne-hour',
  },
} as const satisfies Record<string, Range>;

export type Quantity = keyof typeof PLAUSIBLE;

/** Ships and ferries are slower: their plausible top speed (a fast ferry makes 35 knots). */
const MODE_TOP_SPEED: Partial<Record<Mode, number>> = { ferry: 70, sea: 70, road: 130, rail: 160 };

/**
 * Capacities given twice for the same element (tonnes a year, and units or trains a day) that differ
 * by more than this factor are reported: more than two sources may fairly differ by, less than a count per
 * direction (2) or of 2,500 t trains against 1,000 t ones (2.5) puts them apart.
 */
const CAPACITY_DISAGREEMENT = 1.5;

/**
 * Warnings (and errors, for the impossible) for the network's values outside the table's ranges,
 * each at its path with the range and its reason; and warnings where an element gives its capacity
 * twice and the two figures disagree.
 */
export function checkPlausibility(model: NetworkModel): Issue[] {
  const issues: Issue[] = [];
  const check = (
    q: Quantity,
    path: PathSegment[],
    value: number | undefined,
    detail?: string | (() => string),
    plausibleMax?: number,
  ) => {
    if (value === undefined || !Number.isFinite(value)) return;
    const r: Range = PLAUSIBLE[q];
    const lo = r.plausible[0];
    const hi = plausibleMax ?? r.plausible[1];
    const impossible = r.possible !== undefined && (value < r.possible[0] || value > r.possible[1]);
    if (!impossible && value >= lo && value <= hi) return;
    const said = typeof detail === 'function' ? detail() : detail;
    const shown = `${format(value)} ${r.unit}${said ? ` (${said})` : ''}`;
    const range = `${format(lo)}–${format(hi)} ${r.unit}`;
    if (r.possible && impossible) {
      const bound =
        value < r.possible[0] ? `at least ${format(r.possible[0])}` : `at most ${format(r.possible[1])}`;
      issues.push(
        issue(
          'implausible_value',
          path,
          `${shown} cannot be right: it must be ${bound} ${r.unit} (${r.limit ?? r.source}); a plausible figure is ${range} (${r.source}): check the figure and its unit`,
        ),
      );
    } else if (value < lo || value > hi) {
      issues.push(
        issue(
          'implausible_value',
          path,
          `${shown} is outside the plausible range ${range} (${r.source}): check the figure and its unit`,
          'warning',
        ),
      );
    }
  };
  const meanHours = (text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const p = parseDistribution(text);
    return 'error' in p ? undefined : distributionMean(p.dist);
  };
  const speed = (path: PathSegment[], km: number, hours: number | undefined, mode: Mode) => {
    if (hours === undefined || !(hours > 0)) return;
    const detail = () => `${format(km)} km in ${format(hours)} h on average, by ${mode}`;
    check('speed_kmh', path, km / hours, detail, MODE_TOP_SPEED[mode]);
  };
  const costs = (path: PathSegment[], e: Record<string, unknown>) => {
    for (const f of [
      'cost_usd_per_unit',
      'fees_usd_per_unit',
      'fare_usd_per_unit',
      'priority_fee_usd_per_unit',
    ])
      check('cost_usd_per_unit', [...path, f], e[f] as number | undefined);
    check('cost_usd_per_t_km', [...path, 'cost_usd_per_t_km'], e.cost_usd_per_t_km as number | undefined);
    check('cost_usd_per_t', [...path, 'cost_usd_per_t'], e.cost_usd_per_t as number | undefined);
    check(
      'capacity_t_per_year',
      [...path, 'capacity_t_per_year'],
      e.capacity_t_per_year as number | undefined,
    );
    check(
      'capacity_units_per_day',
      [...path, 'capacity_units_per_day'],
      e.capacity_units_per_day as number | undefined,
    );
    check(
      'capacity_trains_per_day',
      [...path, 'capacity_trains_per_day'],
      e.capacity_trains_per_day as number | undefined,
    );
  };

  // Two capacities given for the same thing that disagree: the least binds, often not as meant (a
  // count of trains per direction, or of trains heavier than the `train` unit).
  const trainT = trainTonnes(model);
  const agree = (path: PathSegment[], f: Fields, mode: Mode) => {
    const perYear = n(f, 'capacity_t_per_year');
    if (perYear === undefined || !(perYear > 0)) return;
    const unitT = model.units.find((u) => u.id === model.modes[mode]?.unit)?.t;
    const counts = [
      ['capacity_units_per_day', n(f, 'capacity_units_per_day'), unitT, `units of ${mode}'s unit`],
      ['capacity_trains_per_day', n(f, 'capacity_trains_per_day'), trainT, 'trains of the `train` unit'],
    ] as const;
    for (const [field, perDay, t, what] of counts) {
      if (perDay === undefined || t === undefined) continue;
      const tonnes = perDay * t * 365;
      if (tonnes <= CAPACITY_DISAGREEMENT * perYear && perYear <= CAPACITY_DISAGREEMENT * tonnes) continue;
      const [low, high] = tonnes < perYear ? [field, 'capacity_t_per_year'] : ['capacity_t_per_year', field];
      issues.push(
        issue(
          'capacities_disagree',
          [...path, field],
          `${format(perDay)} ${what} (${format(t)} t) a day make ${format(tonnes / 1e6)} Mt/yr, against capacity_t_per_year's ${format(perYear / 1e6)} Mt/yr: the least binds, here ${low} rather than ${high}; if a count is per direction give it under \`directions\`, and if its units or trains carry other tonnes than the unit's, leave the count out (say it in the provenance of capacity_t_per_year)`,
          'warning',
        ),
      );
    }
  };

  model.units.forEach((u, i) => {
    check('unit_t', ['units', i, 't'], u.t);
    check('unit_teu', ['units', i, 'teu'], u.teu);
  });
  for (const [mode, p] of Object.entries(model.modes)) {
    check('co2e_g_per_t_km', ['modes', mode, 'co2e_g_per_t_km'], p.co2e_g_per_t_km);
    check('idle_co2e_kg_per_unit_h', ['modes', mode, 'idle_co2e_kg_per_unit_h'], p.idle_co2e_kg_per_unit_h);
    check(
      'value_of_time_usd_per_t_h',
      ['modes', mode, 'value_of_time_usd_per_t_h'],
      p.value_of_time_usd_per_t_h,
    );
  }
  const at = new Map(model.nodes.map((n) => [n.id, n]));
  const n = (f: Fields, key: string) => f[key] as number | undefined;
  model.nodes.forEach((node, i) => {
    for (const [path, f] of variants(['nodes', i], node as unknown as Fields)) {
      const t = f.transshipment as { time?: string; cost_usd_per_t?: number } | undefined;
      check('step_time_h', [...path, 'transshipment', 'time'], meanHours(t?.time), 'the mean');
      check('cost_usd_per_t', [...path, 'transshipment', 'cost_usd_per_t'], t?.cost_usd_per_t);
      check('capacity_t_per_year', [...path, 'capacity_t_per_year'], n(f, 'capacity_t_per_year'));
    }
  });
  model.links.forEach((l, i) => {
    for (const [path, f] of variants(['links', i], l as unknown as Fields)) {
      const km = n(f, 'distance_km') ?? l.distance_km;
      check('link_distance_km', [...path, 'distance_km'], n(f, 'distance_km'));
      check('speed_kmh', [...path, 'speed_kmh'], n(f, 'speed_kmh'), `by ${l.mode}`, MODE_TOP_SPEED[l.mode]);
      speed([...path, 'time'], km, meanHours(f.time as string | undefined), l.mode);
      costs(path, f);
      agree(path, f, l.mode);
    }
    crowFlies(['links', i, 'distance_km'], l.distance_km, at.get(l.from), at.get(l.to));
  });
  model.crossings.forEach((c, i) => {
    for (const [path, f] of variants(['crossings', i], c as unknown as Fields)) {
      check('lanes', [...path, 'lanes'], n(f, 'lanes'));
      check('quota_units_per_day', [...path, 'quota_units_per_day'], n(f, 'quota_units_per_day'));
      check('crossing_distance_km', [...path, 'distance_km'], n(f, 'distance_km'));
      ((f.steps ?? []) as { time?: string }[]).forEach((step, k) => {
        check('step_time_h', [...path, 'steps', k, 'time'], meanHours(step?.time), 'the mean');
      });
      const g = f.gauge_change as { time?: string; cost_usd_per_unit?: number } | undefined;
      check('step_time_h', [...path, 'gauge_change', 'time'], meanHours(g?.time), 'the mean');
      check('cost_usd_per_unit', [...path, 'gauge_change', 'cost_usd_per_unit'], g?.cost_usd_per_unit);
      costs(path, f);
      agree(path, f, c.mode);
    }
  });
  model.services.forEach((s, i) => {
    for (const [path, f] of variants(['services', i], s as unknown as Fields)) {
      const km = n(f, 'distance_km') ?? s.distance_km;
      check('link_distance_km', [...path, 'distance_km'], n(f, 'distance_km'));
      const hours = meanHours(f.time as string | undefined);
      check('service_time_h', [...path, 'time'], hours, 'the mean');
      speed([...path, 'time'], km, hours, s.mode);
      check('departures_per_week', [...path, 'departures_per_week'], n(f, 'departures_per_week'));
      check('service_capacity_units', [...path, 'capacity_units'], n(f, 'capacity_units'));
      if (typeof f.max_wait === 'string') {
        const w = parseDuration(f.max_wait);
        check('max_wait_h', [...path, 'max_wait'], 'hours' in w ? w.hours : undefined);
      }
      costs(path, f);
      agree(path, f, s.mode);
    }
    crowFlies(['services', i, 'distance_km'], s.distance_km, at.get(s.from), at.get(s.to));
  });
  model.demand.forEach((d, i) => {
    check('demand_units_per_day', ['demand', i, 'units_per_day'], d.units_per_day);
    const unitId = d.unit ?? (d.mode ? model.modes[d.mode]?.unit : undefined);
    const unitT = model.units.find((u) => u.id === unitId)?.t;
    if (d.t_per_year !== undefined) check('demand_t_per_year', ['demand', i, 't_per_year'], d.t_per_year);
    else if (d.units_per_day !== undefined && unitT !== undefined)
      check(
        'demand_t_per_year',
        ['demand', i, 'units_per_day'],
        d.units_per_day * unitT * 365,
        () => `${format(d.units_per_day!)} ${unitId} a day of ${format(unitT)} t`,
      );
  });
  issues.push(...controlCharacters(model));
  return issues;

  /** A distance far shorter than the straight line between its ends: a unit or a typo. */
  function crowFlies(
    path: PathSegment[],
    km: number,
    a: { lon: number; lat: number } | undefined,
    b: { lon: number; lat: number } | undefined,
  ): void {
    if (!a || !b) return;
    const straight = greatCircleKm(a, b);
    if (straight > 50 && km < 0.1 * straight) {
      issues.push(
        issue(
          'implausible_value',
          path,
          `${format(km)} km is less than a tenth of the ${format(straight)} km between its ends as the crow flies: check the distance and the coordinates of its ends`,
          'warning',
        ),
      );
    }
  }
}

/**
 * Checks demand rows read beside the network (a demand CSV): more rows than the limit `demands`, or
 * an impossible tonnage, is an InputError at `path` naming the row.
 */
export function checkDemandRows(rows: readonly { id: string; tPerYear: number }[], path: string): void {
  const issues: Issue[] = [];
  if (rows.length > currentLimits().demands)
    issues.push({ ...limitIssue('demands', rows.length, 'rows of demand', 'split the table'), path });
  const r: Range = PLAUSIBLE.demand_t_per_year;
  for (const row of rows) {
    if (row.tPerYear > r.possible![1]) {
      issues.push(
        issue(
          'implausible_value',
          path,
          `demand "${row.id}": ${format(row.tPerYear)} t/yr cannot be right: it must be at most ${format(r.possible![1])} t/yr (${r.limit}): check the figure and its unit`,
        ),
      );
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

type Fields = Record<string, unknown>;

/**
 * Text with control characters (an escape sequence in a name) would garble the terminal each time
 * a table shows it: an error at its path. Tabs and line breaks (in a description) are fine.
 */
function controlCharacters(model: NetworkModel): Issue[] {
  const issues: Issue[] = [];
  const walk = (v: unknown, path: PathSegment[], depth: number) => {
    if (typeof v === 'string') {
      const bad = [...v].find((c) => {
        const code = c.charCodeAt(0);
        return (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || (code >= 0x7f && code < 0xa0);
      });
      if (bad !== undefined) {
        const hex = bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        issues.push(
          issue(
            'invalid_value',
            path,
            `text with a control character (U+${hex}): it would garble the terminal; remove it`,
          ),
        );
      }
    } else if (depth < 8 && Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, [...path, i], depth + 1);
      });
    } else if (depth < 8 && v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
  };
  for (const [k, v] of Object.entries(model)) walk(v, [k], 0);
  return issues;
}

/**
 * An entry's fields as written, then those of each of its directions and dated changes (and their
 * directions), each with its path: every variant of a figure is checked.
 */
function variants(path: PathSegment[], entry: Fields): [PathSegment[], Fields][] {
  const out: [PathSegment[], Fields][] = [];
  const withDirections = (p: PathSegment[], f: Fields) => {
    out.push([p, f]);
    const directions = f.directions;
    if (directions && typeof directions === 'object')
      for (const [key, d] of Object.entries(directions as Record<string, Fields>))
        if (d && typeof d === 'object') out.push([[...p, 'directions', key], d]);
  };
  withDirections(path, entry);
  const timeline = entry.timeline;
  if (Array.isArray(timeline))
    timeline.forEach((t, k) => {
      if (t && typeof t === 'object') withDirections([...path, 'timeline', k], t as Fields);
    });
  return out;
}

/** Great-circle distance on a sphere of radius 6,371 km (haversine). */
export function greatCircleKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Made on first use, for a message: the first Intl.NumberFormat of a process loads ICU's number data (~15 ms). */
let fourDigits: Intl.NumberFormat | undefined;

function format(x: number): string {
  if (Math.abs(x) >= 1e15) return x.toExponential(2);
  fourDigits ??= new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
  return fourDigits.format(x);
}
