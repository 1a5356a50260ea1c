/**
 * The comparison report: one self-contained HTML page (styles, maps and charts inline as SVG, no
 * script, no request) with a one-paragraph summary, per scenario the maps of where the tonnage goes
 * and how the waits change, the charts, and a methods section naming every changed figure's source.
 * Pure: the caller gives the document to build in (linkedom in Node, the browser's own).
 */
import { ANALYSES, type Analysis, type CompareResultJson } from '../app/compare.js';
import { significant } from '../compare/paired.js';
import type { NetworkModel } from '../model/schema.js';
import { odPlaces } from '../sim/od-key.js';
import type { SimulationResult } from '../sim/simulation-result.js';
import { htmlEl, type VizDocument, type VizElement } from '../viz/dom.js';
import {
  type CorridorComparisonRow,
  corridorComparisonChart,
  type LonLat,
  type MapCrossing,
  type MapLink,
  type NetworkMapData,
  networkMapFigure,
  outlookChart,
  type ProfileLine,
  type TonnageBar,
  timeCostDistanceChart,
  tonnageChart,
  type UtilizationBar,
  utilizationChart,
  VIZ_CSS,
  type WaitDistribution,
  waitDistributionChart,
} from '../viz/index.js';
import { newsworthy } from './compare-headlines.js';
import { differenceInBrackets, differenceText, durationText, fmt } from './difference-text.js';
import { type RouteSideJson, rationedCrossings, sharedRations } from './route-rations.js';
import { SEA_LANES } from './sea-lanes.js';

type Scenario = CompareResultJson['scenarios'][number];
type Side = CompareResultJson['base'] | Scenario;

/** Places named on the maps (the rest are named on hover). */
const LABELLED = new Set([
  'shanghai',
  'xian',
  'chongqing',
  'urumqi',
  'almaty',
  'astana',
  'aktau',
  'baku',
  'tbilisi',
  'istanbul',
  'moscow',
  'minsk',
  'warsaw',
  'duisburg',
  'rotterdam',
  'constanta',
]);

/** A crossing's name without a long explanation in brackets: "Akhalkalaki–Kars", "Nur Zholy–Khorgos (road)". */
function shortName(name: string): string {
  return name.replace(/\s*\(([^)]{12,})\)$/, '');
}

function simulation(side: Side): SimulationResult | undefined {
  return side.simulation as SimulationResult | undefined;
}

/** Whether the comparison ran this analysis. */
function ran(m: CompareResultJson['method'], analysis: Analysis): boolean {
  return m.analyses.includes(analysis);
}

/** What the comparison ran: the date, the simulation's replications (if it ran), the outlook's horizon (if it ran). */
function methodLine(m: CompareResultJson['method']): string {
  const parts = [`Network on ${m.date}`];
  if (ran(m, 'simulation'))
    parts.push(
      `${m.replications} replications of ${fmt(m.days, 0)} simulated days, seed ${m.seed}${m.common_random_numbers ? ', common random numbers' : ''}`,
    );
  if (ran(m, 'outlook')) parts.push(`outlook to ${m.to_year}`);
  if (m.analyses.length < ANALYSES.length) parts.push(`only ${m.analyses.join(', ')}`);
  return `${parts.join('; ')}.`;
}

/** "No change" in the words of the analyses that ran: waits (simulation), tonnage, the outlook. */
function noChange(m: CompareResultJson['method']): string {
  const words = [
    ran(m, 'simulation') && 'waits',
    ran(m, 'assignment') && 'tonnage',
    ran(m, 'outlook') && 'the outlook',
  ].filter((w) => typeof w === 'string');
  if (words.length === 0) return 'no change in the best routes';
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  return `no change in ${list} both beyond chance and large enough to show`;
}

/**
 * The sentences of the summary: for each scenario the largest real changes in waits and door-to-door
 * times, then tonnage, unserved demand, the best routes and the outlook.
 */
export function summarySentences(r: CompareResultJson, model?: NetworkModel): string[] {
  const out: string[] = [];
  for (const s of r.scenarios) {
    const real = Object.values(s.crossings)
      .filter((c) => newsworthy(c.wait_h) && c.wait_h.base !== null && c.wait_h.scenario !== null)
      .sort((a, b) => Math.abs(b.wait_h.difference ?? 0) - Math.abs(a.wait_h.difference ?? 0));
    const lead = `${s.title}:`;
    const parts: string[] = [];
    for (const c of real.slice(0, 2)) {
      const d = c.wait_h;
      parts.push(
        `the mean wait at ${c.name} ${(d.difference ?? 0) < 0 ? 'falls' : 'rises'} from ${durationText(d.base!)} to ${durationText(d.scenario!)} (difference ${differenceInBrackets(d)})`,
      );
    }
    const transit = Object.entries(s.transit_h)
      .filter(([, d]) => newsworthy(d) && d.base !== null && d.scenario !== null)
      .sort(([, a], [, b]) => Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0))[0];
    if (transit && model)
      parts.push(
        `door to door, ${odName(model, transit[0])} takes ${durationText(transit[1].scenario!)} instead of ${durationText(transit[1].base!)} (difference ${differenceInBrackets(transit[1])})`,
      );
    const moved = s.corridor_differences
      .filter((c) => Math.abs(c.difference) >= 0.1e6)
      .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
    if (moved.length > 0)
      parts.push(
        `tonnage moves ${moved
          .slice(0, 3)
          .map(
            (c) =>
              `${c.difference > 0 ? '+' : '−'}${fmt(Math.abs(c.difference) / 1e6)} Mt/yr on ${c.corridor}`,
          )
          .join(', ')}`,
      );
    const unservedB = r.base.assignment?.unserved_t_per_year ?? 0;
    const unservedS = s.assignment?.unserved_t_per_year ?? 0;
    if (Math.abs(unservedS - unservedB) >= 0.05e6)
      parts.push(
        `demand left unserved ${unservedS > unservedB ? 'rises' : 'falls'} from ${fmt(unservedB / 1e6)} to ${fmt(unservedS / 1e6)} Mt/yr`,
      );
    if (ran(r.method, 'routes')) {
      const pairs = s.route_differences;
      const rerouted = pairs.filter((x) => x.base_label !== x.scenario_label).length;
      const hourOrMore = pairs.filter((x) => Math.abs(x.time_h.difference ?? 0) >= 1).length;
      if (rerouted + hourOrMore > 0)
        parts.push(
          `of ${pairs.length} origin–destination pair${pairs.length === 1 ? '' : 's'}, the best route changes for ${rerouted} and its expected time by an hour or more for ${hourOrMore}`,
        );
    }
    const sat = s.outlook_differences.filter((d) => d.base_first_year !== d.scenario_first_year);
    if (sat.length > 0) {
      const d = sat[0]!;
      parts.push(
        `in the outlook ${d.kind === 'border' ? 'the border' : d.kind} ${d.id} is saturated ${d.scenario_first_year === null ? 'no longer before ' + r.method.to_year : `from ${d.scenario_first_year}`} instead of ${d.base_first_year === null ? 'never' : d.base_first_year}`,
      );
    }
    if (parts.length === 0) parts.push(noChange(r.method));
    out.push(`${lead} ${parts.join('; ')}.`);
  }
  return out;
}

function mapData(
  model: NetworkModel,
  side: Side,
  compared: Scenario | undefined,
  base: CompareResultJson['base'],
): NetworkMapData {
  const flows = new Map((side.assignment?.elements ?? []).map((e) => [`${e.kind}:${e.id}`, e]));
  const nodes = model.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    lon: n.lon,
    lat: n.lat,
    label: LABELLED.has(n.id),
  }));
  const links: MapLink[] = [
    ...model.links.map((l) => ({
      id: l.id!,
      from: l.from,
      to: l.to,
      mode: l.mode,
      kind: 'link',
      name: undefined as string | undefined,
    })),
    ...model.services.map((s) => ({
      id: s.id,
      from: s.from,
      to: s.to,
      mode: s.mode,
      kind: 'service',
      name: s.name,
    })),
  ]
    // What this side's network does not have (a scenario removed it) is not drawn.
    .filter((l) => flows.size === 0 || flows.has(`${l.kind}:${l.id}`))
    .map((l) => {
      const f = flows.get(`${l.kind}:${l.id}`);
      return {
        id: l.id,
        from: l.from,
        to: l.to,
        mode: l.mode,
        ...(l.name !== undefined ? { name: l.name } : {}),
        flow_t_per_year: f?.flow_t_per_year ?? 0,
        utilization: f?.utilization ?? undefined,
        via_lon_lat: SEA_LANES[l.id],
      };
    });
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const sim = simulation(side);
  const baseSim = simulation(base);
  const present = (id: string) => flows.size === 0 || flows.has(`crossing:${id}`);
  const crossings: MapCrossing[] = model.crossings
    .filter((c) => present(c.id))
    .map((c) => {
      const a = byId.get(c.from)!;
      const b = byId.get(c.to)!;
      const here = sim?.crossings[c.id];
      const diff = compared?.crossings[c.id];
      const baseWait = baseSim?.crossings[c.id]?.wait_h.mean ?? undefined;
      return {
        id: c.id,
        name: c.name ?? c.id,
        mode: c.mode,
        lon: (a.lon + b.lon) / 2,
        lat: (a.lat + b.lat) / 2,
        wait_h: here?.wait_h.mean ?? undefined,
        ...(compared && baseWait !== undefined && baseWait !== null ? { wait_base_h: baseWait } : {}),
        ...(compared && diff?.wait_h.difference_ci95
          ? { wait_change_ci95_h: diff.wait_h.difference_ci95 }
          : {}),
        utilization: here?.utilization ?? undefined,
      };
    });
  // Places of this side's network only: those its lines and crossings reach.
  const used = new Set(
    [...links, ...model.crossings.filter((c) => present(c.id))].flatMap((l) => [l.from, l.to]),
  );
  return { nodes: nodes.filter((n) => used.has(n.id)), links, crossings };
}

function maxFlow(...sides: Side[]): number {
  return Math.max(1, ...sides.flatMap((s) => (s.assignment?.elements ?? []).map((e) => e.flow_t_per_year)));
}

function maxWait(...sides: Side[]): number {
  return Math.max(
    1,
    ...sides.flatMap((s) => Object.values(simulation(s)?.crossings ?? {}).map((c) => c.wait_h.mean ?? 0)),
  );
}

/** The crossings whose waits the report draws: those that changed for real, else the longest waits. */
function crossingsToShow(r: CompareResultJson, s: Scenario): string[] {
  const changed = Object.entries(s.crossings)
    .filter(([id, c]) => significant(c.wait_h) && r.base.wait_quantiles_h?.[id] && s.wait_quantiles_h?.[id])
    .sort(([, a], [, b]) => Math.abs(b.wait_h.difference ?? 0) - Math.abs(a.wait_h.difference ?? 0))
    .map(([id]) => id);
  if (changed.length > 0) return changed.slice(0, 4);
  return Object.entries(simulation(r.base)?.crossings ?? {})
    .filter(([id]) => r.base.wait_quantiles_h?.[id] && s.wait_quantiles_h?.[id])
    .sort(([, a], [, b]) => (b.wait_h.mean ?? 0) - (a.wait_h.mean ?? 0))
    .slice(0, 2)
    .map(([id]) => id);
}

function odName(model: NetworkModel, od: string): string {
  const name = new Map(model.nodes.map((n) => [n.id, n.name]));
  const { from: a, to: b } = odPlaces(od);
  return `${name.get(a) ?? a} → ${name.get(b) ?? b}`;
}

function section(
  doc: VizDocument,
  title: string,
  ...children: (VizElement | false | undefined)[]
): VizElement {
  return htmlEl(doc, 'section', {}, htmlEl(doc, 'h2', {}, title), ...children);
}

function p(doc: VizDocument, text: string, cls?: string): VizElement {
  return htmlEl(doc, 'p', cls ? { class: cls } : {}, text);
}

/** Marks a mean wait whose queue does not settle in that run (simulate's `non_stationary`). */
const GROWS = ' (queue grows: not a steady state)';

function table(doc: VizDocument, header: string[], rows: string[][], numeric: boolean[]): VizElement {
  return htmlEl(
    doc,
    'table',
    { class: 'viz-table report-table' },
    htmlEl(doc, 'thead', {}, htmlEl(doc, 'tr', {}, ...header.map((h) => htmlEl(doc, 'th', {}, h)))),
    htmlEl(
      doc,
      'tbody',
      {},
      ...rows.map((row) =>
        htmlEl(
          doc,
          'tr',
          {},
          ...row.map((cell, i) => htmlEl(doc, 'td', numeric[i] ? { class: 'num' } : {}, cell)),
        ),
      ),
    ),
  );
}

function scenarioSection(
  doc: VizDocument,
  model: NetworkModel,
  r: CompareResultJson,
  s: Scenario,
  k: number,
): VizElement {
  const base = r.base;
  const id = (x: string) => `s${k}-${x}`;
  const figures: (VizElement | false | undefined)[] = [];
  const flowMax = maxFlow(base, s);
  const waitMax = maxWait(base, s);
  figures.push(p(doc, s.description ?? '', 'lead'));
  const mapCaption =
    'Line width: tonnes a year assigned (equilibrium assignment); line style by mode. Circle area: mean wait at the crossing (simulation). Map: Natural Earth 1:110m, conic equal-area projection.';
  if (s.assignment && base.assignment) {
    const moved = s.corridor_differences
      .filter((c) => Math.abs(c.difference) >= 0.1e6)
      .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
    const title =
      moved.length > 0
        ? `With the scenario, ${moved
            .slice(0, 2)
            .map(
              (c) =>
                `${c.corridor} ${c.difference > 0 ? 'gains' : 'loses'} ${fmt(Math.abs(c.difference) / 1e6)} Mt/yr`,
            )
            .join(' and ')}`
        : 'The scenario leaves the tonnage by corridor as it is';
    figures.push(
      networkMapFigure(doc, mapData(model, s, s, base), {
        id: id('map'),
        title,
        caption: `${mapCaption} Circle fill and triangle: change of the mean wait against the base where its 95 % interval excludes zero (triangle down: shorter, up: longer; two triangles: a large change).`,
        flow_max_t_per_year: flowMax,
        wait_max_h: waitMax,
      }),
      networkMapFigure(doc, mapData(model, base, undefined, base), {
        id: id('map-base'),
        title: `The base, for comparison: ${base.assignment.corridors[0]?.corridor ?? 'the largest corridor'} carries the most`,
        caption: `${mapCaption} Same scales as the map above.`,
        flow_max_t_per_year: flowMax,
        wait_max_h: waitMax,
      }),
    );
  }
  // A close-up of the crossings whose wait changed for real, where the whole map crowds them.
  const changed = model.crossings.filter((c) => {
    const d = s.crossings[c.id];
    return d !== undefined && significant(d.wait_h);
  });
  if (changed.length > 0 && s.assignment) {
    const at = new Map(model.nodes.map((n) => [n.id, n]));
    const points = changed.flatMap((c) => [at.get(c.from)!, at.get(c.to)!]);
    const lon = points.map((n) => n.lon);
    const lat = points.map((n) => n.lat);
    // A box wider than tall (the map is), some 1,000 km across around the crossings.
    const box: LonLat[] = [
      [Math.min(...lon) - 6, Math.min(...lat) - 2],
      [Math.max(...lon) + 6, Math.max(...lat) + 2],
    ];
    const first = s.crossings[changed[0]!.id]!;
    figures.push(
      networkMapFigure(doc, mapData(model, s, s, base), {
        id: id('map-closeup'),
        title: `Close-up: the mean wait at ${first.name} changes by ${differenceText(first.wait_h)}`,
        caption: `Crossings whose mean wait changed beyond chance, and their surroundings. ${mapCaption}`,
        fit_lon_lat: box,
        flow_max_t_per_year: flowMax,
        wait_max_h: waitMax,
        crossing_labels: 8,
        height_px: 520,
      }),
    );
  }
  // Wait distributions.
  const shown = crossingsToShow(r, s);
  if (shown.length > 0) {
    const data: WaitDistribution[] = shown.map((cid) => ({
      crossing: shortName(s.crossings[cid]?.name ?? cid),
      series: [
        {
          scenario: base.name,
          quantiles: base.wait_quantiles_h![cid]!,
          mean_wait_h: simulation(base)?.crossings[cid]?.wait_h.mean ?? undefined,
        },
        {
          scenario: s.name,
          quantiles: s.wait_quantiles_h![cid]!,
          mean_wait_h: simulation(s)?.crossings[cid]?.wait_h.mean ?? undefined,
        },
      ],
    }));
    const first = s.crossings[shown[0]!];
    figures.push(
      waitDistributionChart(doc, data, {
        id: id('waits'),
        title:
          first && significant(first.wait_h)
            ? `The wait at ${first.name} changes by ${differenceText(first.wait_h)} on average`
            : 'The waits at the busiest crossings do not change beyond chance',
        caption: `Share of units that waited at most the time on the axis, every unit of ${r.method.replications} replications pooled; simulated days ${fmt(r.method.warmup_days, 0)}–${fmt(r.method.days, 0)}.`,
      }),
    );
  }
  // Door-to-door times and money per corridor.
  const rows: CorridorComparisonRow[] = [];
  const baseSim = simulation(base);
  const sSim = simulation(s);
  for (const [od, d] of Object.entries(s.transit_h)) {
    const b = baseSim?.od[od];
    const v = sSim?.od[od];
    const rb = base.routes?.find((x) => `${x.from}->${x.to}` === od)?.route;
    const rv = s.routes?.find((x) => `${x.from}->${x.to}` === od)?.route;
    if (!b || !v || b.transit_h.mean === null || v.transit_h.mean === null || !rb || !rv) continue;
    if (d.base === null) continue;
    const label = odName(model, od);
    const row = (name: string, o: typeof b, route: typeof rb): CorridorComparisonRow => ({
      corridor: label,
      scenario: name,
      transit_days_mean: o.transit_h.mean! / 24,
      transit_days_p90: (o.transit_h.p90 ?? o.transit_h.mean!) / 24,
      transit_days_p10: undefined,
      cost_usd_per_feu: route.cost_usd,
      co2e_kg_per_feu: route.co2e_kg,
    });
    rows.push(row(base.name, b, rb), row(s.name, v, rv));
  }
  if (rows.length > 0) {
    const biggest = Object.entries(s.transit_h)
      .filter(([, d]) => newsworthy(d))
      .sort(([, a], [, b]) => Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0))[0];
    figures.push(
      corridorComparisonChart(doc, rows.slice(0, 16), {
        id: id('corridors'),
        title: biggest
          ? `Door to door, ${odName(model, biggest[0])} changes by ${differenceText(biggest[1])}`
          : 'Door-to-door times do not change beyond chance',
        caption:
          'Transit: simulated consignments, mean and 90th percentile, days. Money and CO2e: the best route by expected time (route planner), per unit shipped on it.',
      }),
    );
  }
  // Time–cost–distance for the first pair whose route changes (or the first pair).
  const pairs = s.route_differences;
  const pick = pairs.find((x) => x.base_label !== x.scenario_label) ?? pairs[0];
  if (pick) {
    const rb = base.routes?.find((x) => x.from === pick.from && x.to === pick.to)?.route;
    const rv = s.routes?.find((x) => x.from === pick.from && x.to === pick.to)?.route;
    const lines: ProfileLine[] = [];
    if (rb) lines.push({ corridor: `${base.name}: ${rb.label}`, points: rb.profile });
    if (rv) lines.push({ corridor: `${s.name}: ${rv.label}`, points: rv.profile });
    if (lines.length > 0)
      figures.push(
        timeCostDistanceChart(doc, lines, {
          id: id('tcd'),
          y: 'time',
          title: `${odName(model, `${pick.from}->${pick.to}`)}: ${
            rb && rv && rb.label !== rv.label
              ? `the best route changes to ${rv.label}`
              : 'the best route stays the same'
          }`,
          caption: `Cumulative expected time against distance (UNESCAP time–distance method): waits at borders and ports show as vertical steps. Route planner, analytical waits.${rationNote(model, rb ?? null, rv ?? null)}`,
        }),
      );
  }
  // Utilization of the crossings by direction.
  const bars: UtilizationBar[] = [];
  for (const c of Object.values(s.crossings)) {
    for (const [dir, d] of Object.entries(c.directions)) {
      if (d.utilization.base === null && d.utilization.scenario === null) continue;
      const [from, to] = dir.split('->') as [string, string];
      const country = new Map(model.nodes.map((n) => [n.id, n.country]));
      const direction = `${country.get(from) ?? from} → ${country.get(to) ?? to}`;
      if (d.utilization.base !== null)
        bars.push({
          crossing: shortName(c.name),
          direction,
          scenario: base.name,
          utilization: d.utilization.base,
        });
      if (d.utilization.scenario !== null)
        bars.push({
          crossing: shortName(c.name),
          direction,
          scenario: s.name,
          utilization: d.utilization.scenario,
        });
    }
  }
  if (bars.length > 0)
    figures.push(
      utilizationChart(doc, bars, {
        id: id('utilization'),
        title: 'Share of the open lane-hours in use at each crossing, by direction',
        caption: `Simulation, mean over ${r.method.replications} replications. 100 % means the lanes are never idle while open: the queue grows.`,
      }),
    );
  // Tonnage by corridor.
  if (s.corridor_differences.length > 0) {
    const tb: TonnageBar[] = s.corridor_differences.flatMap((c) => [
      { corridor: c.corridor, scenario: base.name, flow_t_per_year: c.base },
      { corridor: c.corridor, scenario: s.name, flow_t_per_year: c.scenario },
    ]);
    const top = [...s.corridor_differences].sort(
      (a, b) => Math.abs(b.difference) - Math.abs(a.difference),
    )[0]!;
    figures.push(
      tonnageChart(doc, tb, {
        id: id('tonnage'),
        title:
          Math.abs(top.difference) >= 0.05e6
            ? `${top.corridor}: ${top.difference > 0 ? '+' : '−'}${fmt(Math.abs(top.difference) / 1e6)} Mt/yr`
            : 'Tonnage by corridor is unchanged',
        caption: `Equilibrium assignment of the network's demand on ${s.assignment?.date ?? r.method.date}, Mt a year.`,
      }),
    );
  }
  // Outlook of the China–Kazakhstan rail border (or the first border saturating).
  if (s.outlook && base.outlook) {
    // The border whose saturation the scenario moves most, else the China–Kazakhstan rail border.
    const moved = s.outlook_differences.find(
      (d) => d.kind === 'border' && d.base_first_year !== d.scenario_first_year,
    );
    const border = moved?.id ?? 'CN-KZ rail';
    const series = (o: NonNullable<Side['outlook']>) =>
      o.years.map((y) => {
        const b = y.borders.find((x) => x.id === border);
        return {
          year: y.year,
          flow_t_per_year: b?.flow_t_per_year ?? 0,
          capacity_t_per_year: b?.capacity_t_per_year ?? 0,
        };
      });
    const sat = (o: NonNullable<Side['outlook']>) =>
      o.saturation.find((x) => x.kind === 'border' && x.id === border)?.first_year ?? null;
    const vs = series(s.outlook);
    if (vs.some((y) => y.capacity_t_per_year > 0)) {
      const year = sat(s.outlook);
      const baseYear = sat(base.outlook);
      figures.push(
        outlookChart(
          doc,
          { element: `${border} border (${s.name})`, years: vs, saturation_year: year },
          {
            id: id('outlook'),
            title:
              year === baseYear
                ? `The outlook of the ${border} border does not change: ${year === null ? `not saturated before ${r.method.to_year}` : `saturated from ${year}`}, as in the base`
                : `With the scenario the ${border} border is ${year === null ? `not saturated before ${r.method.to_year}` : `saturated from ${year}`} instead of ${baseYear === null ? `not before ${r.method.to_year}` : baseYear}`,
            caption:
              'Capacity assignment each year on 1 July, demand grown at each flow’s rate; flow against the capacity of the border (all its crossings of that mode), Mt a year.',
          },
        ),
      );
    }
  }
  if (ran(r.method, 'simulation')) figures.push(differenceTables(doc, model, r, s));
  return section(doc, `${s.title} (${s.name})`, ...figures);
}

/**
 * What the time–cost–distance chart's caption says of rations on the two routes it draws, as the text
 * report's notes do for every pair: empty when neither route meets one.
 */
function rationNote(model: NetworkModel, base: RouteSideJson, scenario: RouteSideJson): string {
  const rationed = rationedCrossings(model, [base], [scenario]);
  const shared = sharedRations(model, [base], [scenario]);
  return [
    rationed.length > 0
      ? ` The wait at ${rationed.join(', ')} is the equilibrium's ration, not a forecast of the queue: a difference through it is how far the ration moves.`
      : '',
    shared.length > 0
      ? ` The loaded network also rations the capacity both directions share at ${shared.join(', ')}: caravan assign adds that ration to every tonne through it, and these times leave it out.`
      : '',
  ].join('');
}

function differenceTables(
  doc: VizDocument,
  model: NetworkModel,
  r: CompareResultJson,
  s: Scenario,
): VizElement {
  const rows = Object.values(s.crossings)
    .filter((c) => c.wait_h.base !== null || c.wait_h.scenario !== null)
    .map((c) => [
      c.name,
      c.wait_h.base === null ? '–' : durationText(c.wait_h.base) + (c.non_stationary.base ? GROWS : ''),
      c.wait_h.scenario === null
        ? '–'
        : durationText(c.wait_h.scenario) + (c.non_stationary.scenario ? GROWS : ''),
      c.wait_h.difference === null ? '–' : differenceText(c.wait_h),
      c.throughput_per_day.difference === null ? '–' : differenceText(c.throughput_per_day, false),
      significant(c.wait_h) || significant(c.throughput_per_day) ? 'yes' : 'no',
    ]);
  const od = Object.entries(s.transit_h)
    .filter(([, d]) => d.difference !== null)
    .map(([k, d]) => [
      odName(model, k),
      durationText(d.base!),
      durationText(d.scenario!),
      differenceText(d),
      significant(d) ? 'yes' : 'no',
    ]);
  return htmlEl(
    doc,
    'div',
    { class: 'report-tables' },
    htmlEl(doc, 'h3', {}, 'Differences with their 95 % confidence intervals'),
    table(
      doc,
      [
        'Crossing',
        'Mean wait, base',
        'Mean wait, scenario',
        'Difference',
        'Units cleared a day: difference',
        'Beyond chance',
      ],
      rows,
      [false, true, true, true, true, false],
    ),
    od.length > 0 &&
      table(doc, ['Door to door', 'Base', 'Scenario', 'Difference', 'Beyond chance'], od, [
        false,
        true,
        true,
        true,
        false,
      ]),
    p(
      doc,
      `Beyond chance: the 95 % interval of the difference excludes zero. Intervals from ${r.method.replications} paired replications (Student's t).`,
      'viz-note',
    ),
  );
}

function provenanceText(p: unknown): string {
  if (p === undefined || p === null) return 'not given in the scenario (see the network’s own provenance)';
  if (typeof p === 'string') return `source: ${p}`;
  const o = p as { source?: string; note?: string; estimate?: string };
  if (o.estimate) return `estimate: ${o.estimate}`;
  return [o.source ? `source: ${o.source}` : '', o.note ?? ''].filter((x) => x !== '').join(' — ');
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  const text = JSON.stringify(v);
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}

function methods(doc: VizDocument, model: NetworkModel, r: CompareResultJson): VizElement {
  const m = r.method;
  // the deterministic analyses that ran, in one paragraph
  const deterministic = [
    ran(m, 'routes') &&
      'Routes: the best route by expected time of every origin–destination pair of the demand, with analytical waits (queueing model); deterministic, so no interval.',
    ran(m, 'assignment') &&
      `Assignment: user equilibrium with congestion (BPR and queue delays) of the demand of ${m.date.slice(0, 4)}.`,
    ran(m, 'outlook') &&
      `Outlook: capacity assignment (linear programme) each year to ${m.to_year}, demand grown at each flow's rate; an element is saturated in the first year its flow reaches 99 % of its capacity.`,
  ]
    .filter((x) => typeof x === 'string')
    .join(' ');
  const sourceTitle = new Map(model.sources.map((s) => [s.id, s]));
  const items: VizElement[] = [
    p(
      doc,
      `Network: ${model.name ?? 'unnamed'} (${model.nodes.length} places, ${model.links.length} links, ${model.crossings.length} border crossings, ${model.services.length} services, ${model.demand.length} flows of demand). Every figure of the network carries its source or says how it was estimated (data/eurasia/SOURCES.md). The network is taken on ${m.date}: infrastructure in service that day, with the dated changes of that day applied.`,
    ),
    ...(ran(m, 'simulation')
      ? [
          p(
            doc,
            `Simulation: discrete-event simulation of every flow of demand over its best route by expected time — arrivals, border crossings with their lanes, opening hours, clearance steps and daily quotas, ferries and transshipments. ${m.replications} replications of ${fmt(m.days, 0)} days each; days ${fmt(m.warmup_days, 0)}–${fmt(m.days, 0)} are counted (the first days fill the queues). Seed ${m.seed}.`,
          ),
          p(
            doc,
            m.common_random_numbers
              ? `Common random numbers: the base and every scenario run with the same seed, and replication r of a scenario is compared with replication r of the base. A difference is the mean of the ${m.replications} replication-by-replication differences, and its 95 % confidence interval is Student's t over them. A scenario that changes nothing gives differences of exactly zero with intervals [0, 0]. Each random stream is keyed by the seed, the replication and the identity of the element that draws from it, so an element a scenario adds or removes leaves the draws of every other element as they were.`
              : 'Independent seeds: each scenario has its own seed; differences are still paired by replication, but without common random numbers their intervals are wider.',
          ),
        ]
      : []),
    ...(deterministic !== '' ? [p(doc, deterministic)] : []),
    p(
      doc,
      'Limits: the demand matrix is an illustrative split of published corridor totals (no origin–destination statistics were found); waits depend on estimated clearance steps where none were published; a closure is simulated as lasting through the whole window. The figures show the direction and size of a change under these assumptions, not a forecast.',
    ),
  ];
  for (const s of r.scenarios) {
    const rows = s.changed.map((c) => {
      const prov = provenanceText(c.provenance);
      const cited = [...prov.matchAll(/source: ([a-z0-9-]+)/g)].map((x) => x[1]!);
      const refs = cited
        .map((id) => sourceTitle.get(id))
        .filter((x) => x !== undefined)
        .map((x) => `${x!.id}: ${x!.title}${x!.url ? ` <${x!.url}>` : ''}`);
      return [c.path, valueText(c.value), [prov, ...refs].join(' | ')];
    });
    items.push(
      htmlEl(doc, 'h3', {}, `What “${s.name}” changes, and the source of each figure`),
      table(doc, ['Field', 'Value', 'Source or estimate'], rows, [false, false, false]),
    );
  }
  return section(doc, 'Methods', ...items);
}

const REPORT_CSS = `
body { max-width: 1000px; margin: 24px auto; padding: 0 18px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-top: 14px; border-top: 2px solid #1a1a1a; }
h3 { font-size: 15px; margin: 22px 0 6px; }
.meta { color: #555; font-size: 13px; margin: 0 0 14px; }
.summary { font-size: 15.5px; background: #f4f4f1; border-left: 4px solid #1a1a1a; padding: 12px 16px; margin: 12px 0 20px; }
.lead { font-size: 14px; color: #333; max-width: 80ch; }
.report-table { width: 100%; margin-bottom: 10px; }
.report-table td { font-size: 12.5px; }
section > p { max-width: 85ch; font-size: 13.5px; }
@page { size: A4; margin: 14mm 13mm 16mm; }
@media print {
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
  h2 { font-size: 15pt; margin-top: 0; }
  h2, h3, .viz-title { break-after: avoid; page-break-after: avoid; }
  .summary { background: none; border: 1.5px solid #000; }
  .viz-figure, .report-table tr { break-inside: avoid; page-break-inside: avoid; }
  .report-table thead { display: table-header-group; }
  .report-table { width: 100%; table-layout: fixed; }
  .viz-body svg { max-width: 100%; height: auto; }
  .report-table td, .report-table th { font-size: 8.5pt; padding: 2px 4px; overflow-wrap: anywhere; }
}
`;

/** The report as a complete HTML document (text), built in `doc`. */
export function compareReport(
  doc: VizDocument & { documentElement: { outerHTML: string }; head: VizElement; body: VizElement },
  model: NetworkModel,
  r: CompareResultJson,
): string {
  const title = `Caravan: ${r.scenarios.map((s) => s.title).join('; ')} — compared with the base`;
  doc.head.append(
    htmlEl(doc, 'meta', { charset: 'utf-8' }) as never,
    htmlEl(doc, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }) as never,
    htmlEl(doc, 'title', {}, title) as never,
    htmlEl(doc, 'style', {}, `${VIZ_CSS}\n${REPORT_CSS}`) as never,
  );
  const body = doc.body;
  body.append(
    htmlEl(
      doc,
      'header',
      {},
      htmlEl(doc, 'h1', {}, title),
      p(doc, methodLine(r.method), 'meta'),
      htmlEl(doc, 'p', { class: 'summary' }, summarySentences(r, model).join(' ')),
    ) as never,
  );
  for (const [k, s] of r.scenarios.entries()) body.append(scenarioSection(doc, model, r, s, k) as never);
  body.append(methods(doc, model, r) as never);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
