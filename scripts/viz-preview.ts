/**
 * A page with every visual component on sample data shaped like the real network (coordinates,
 * links, crossings and services from data/eurasia/network.yaml; flows, waits and times are sample
 * figures of the right size, not results). `npm run viz:preview [out.html]` writes it.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { readNetworkFile } from '../src/io/network-file.js';
import type { NetworkModel } from '../src/model/schema.js';
import { SEA_LANES } from '../src/report/sea-lanes.js';
import type { VizDocument } from '../src/viz/dom.js';
import {
  type CorridorComparisonRow,
  corridorComparisonChart,
  type LonLat,
  type MapCrossing,
  type MapLink,
  type MapNode,
  type NetworkMapData,
  networkMapFigure,
  type OutlookData,
  outlookChart,
  type ProfileLine,
  type ProfilePointInput,
  type TonnageBar,
  timeCostDistanceChart,
  tonnageChart,
  type UtilizationBar,
  utilizationChart,
  VIZ_CSS,
  type WaitBucket,
  type WaitDistribution,
  waitDistributionChart,
} from '../src/viz/index.js';

/** Sample flows (Mt/yr) and utilizations (share of capacity) by link, crossing or service id. */
const SAMPLE_FLOW: Readonly<Record<string, readonly [number, number]>> = {
  'lianyungang-xian-rail': [0.41, 0.0],
  'xian-lanzhou-rail': [4.26, 0.04],
  'lanzhou-urumqi-rail': [4.26, 0.04],
  'chongqing-xian-rail': [1.44, 0.01],
  'urumqi-jinghe-rail': [30.51, 0.28],
  'jinghe-alashankou-rail': [20.03, 0.18],
  'jinghe-khorgos-rail': [10.48, 0.1],
  'dostyk-aktogay-rail': [20.03, 0.18],
  'aktogay-moiynty-rail': [19.67, 0.18],
  'aktogay-almaty-rail': [0.36, 0.02],
  'altynkol-zhetygen-rail': [10.48, 0.34],
  'zhetygen-almaty-rail': [10.48, 0.1],
  'almaty-kazybek-bek-rail': [3.92, 0.04],
  'kazybek-bek-shu-rail': [3.92, 0.04],
  'shu-moiynty-rail': [3.92, 0.18],
  'moiynty-zharyk-rail': [23.59, 0.22],
  'zharyk-karaganda-rail': [19.12, 0.17],
  'karaganda-astana-rail': [4.12, 0.04],
  'astana-petropavl-rail': [4.12, 0.04],
  'petropavl-petropavl-border-rail': [4.12, 0.04],
  'zharyk-kyzylzhar-rail': [4.47, 0.2],
  'kyzylzhar-zhezkazgan-rail': [4.47, 0.2],
  'zhezkazgan-beineu-rail': [4.47, 0.2],
  'beineu-mangystau-rail': [4.47, 0.2],
  'mangystau-aktau-rail': [2.97, 0.14],
  'mangystau-kuryk-rail': [1.5, 0.07],
  'petukhovo-yekaterinburg-rail': [4.12, 0.04],
  'yekaterinburg-moscow-rail': [4.12, 0.04],
  'moscow-minsk-rail': [4.12, 0.04],
  'minsk-brest-rail': [4.12, 0.04],
  'malaszewicze-warsaw-rail': [4.12, 0.06],
  'warsaw-lodz-rail': [0.62, 0.01],
  'warsaw-poznan-rail': [3.09, 0.04],
  'poznan-berlin-rail': [3.09, 0.04],
  'berlin-hamburg-rail': [0.62, 0.01],
  'berlin-duisburg-rail': [2.47, 0.03],
  'rotterdam-duisburg-rail': [0.41, 0.01],
  'alat-boyuk-kesik-rail': [4.47, 0.1],
  'gardabani-tbilisi-rail': [4.47, 0.1],
  'tbilisi-poti-rail': [3.92, 0.09],
  'tbilisi-akhalkalaki-rail': [0.55, 0.11],
  'kars-ankara-rail': [0.55, 0.02],
  'ankara-kosekoy-rail': [0.55, 0.02],
  'nur-zholy-almaty-road': [4.16, 0.21],
  'ferry-aktau-alat': [2.13, 0.95],
  'ferry-kuryk-alat': [1.5, 0.67],
  'feeder-aktau-alat': [0.84, 0.94],
  'blacksea-poti-constanta': [0.3, 0.48],
  'shanghai-port-said': [6.0, 0.1],
  'port-said-rotterdam': [6.0, 0.1],
};

/** Sample mean waits at the crossings, h: base and a 24-hour-operation variant at Nur Zholy. */
const SAMPLE_WAIT_H: Readonly<Record<string, readonly [number, number, number, number]>> = {
  // id: [base, variant, ci95 low, ci95 high] of the change
  'nur-zholy-khorgos': [264, 9.5, -262, -247],
  'dostyk-alashankou': [35.4, 34.1, -3.9, 1.2],
  'altynkol-khorgos': [39.7, 41.8, 0.4, 3.8],
  'brest-malaszewicze': [21.5, 21.5, 0, 0],
  'petropavl-petukhovo': [8.2, 8.2, 0, 0],
  'boyuk-kesik-gardabani': [11.9, 12.3, -0.6, 1.4],
  'akhalkalaki-kars': [14.2, 14.2, 0, 0],
  'red-bridge': [30.1, 30.1, 0, 0],
  'bakhty-baketu': [46.3, 19.6, -29.9, -23.5],
};

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
  'tashkent',
  'constanta',
]);

/** The map's data: the network's places and lines, with sample flows and waits. */
export function sampleMapData(model: NetworkModel, comparison: boolean): NetworkMapData {
  const nodes: MapNode[] = model.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    lon: n.lon,
    lat: n.lat,
    label: LABELLED.has(n.id),
  }));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const lines = [
    ...model.links.map((l) => ({ id: l.id!, from: l.from, to: l.to, mode: l.mode })),
    ...model.services.map((s) => ({ id: s.id, from: s.from, to: s.to, mode: s.mode, name: s.name })),
  ];
  // The samples name elements of the dataset: a renamed element must not silently lose its sample.
  const known = new Set([...lines.map((l) => l.id), ...model.crossings.map((c) => c.id)]);
  const stale = Object.keys(SAMPLE_FLOW).filter((id) => !known.has(id));
  if (stale.length > 0) throw new Error(`viz-preview: sample flows for unknown elements: ${stale.join(', ')}`);
  const links: MapLink[] = lines.map((l) => {
    const sample = SAMPLE_FLOW[l.id];
    return {
      ...l,
      flow_t_per_year: (sample?.[0] ?? 0) * 1e6,
      utilization: sample?.[1],
      via_lon_lat: SEA_LANES[l.id],
    };
  });
  const crossings: MapCrossing[] = model.crossings.map((c) => {
    const a = byId.get(c.from)!;
    const b = byId.get(c.to)!;
    const w = SAMPLE_WAIT_H[c.id];
    const sample = SAMPLE_FLOW[c.id];
    return {
      id: c.id,
      name: c.name ?? c.id,
      mode: c.mode,
      lon: (a.lon + b.lon) / 2,
      lat: (a.lat + b.lat) / 2,
      wait_h: w ? (comparison ? w[1] : w[0]) : undefined,
      wait_base_h: comparison && w ? w[0] : undefined,
      wait_change_ci95_h: comparison && w ? [w[2], w[3]] : undefined,
      utilization: sample?.[1],
    };
  });
  return { nodes, links, crossings };
}

/** The route Xi'an → Duisburg on the Northern corridor, as node coordinates. */
function sampleRoute(model: NetworkModel): { name: string; lon_lat: LonLat[] } {
  const ids = [
    'xian',
    'lanzhou',
    'urumqi',
    'jinghe',
    'alashankou',
    'dostyk',
    'aktogay',
    'moiynty',
    'zharyk',
    'karaganda',
    'astana',
    'petropavl',
    'petropavl-border',
    'petukhovo',
    'yekaterinburg',
    'moscow',
    'minsk',
    'brest',
    'malaszewicze',
    'warsaw',
    'poznan',
    'berlin',
    'duisburg',
  ];
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return {
    name: 'Xi’an → Duisburg, Northern route via Dostyk and Brest',
    lon_lat: ids.map((i) => {
      const n = byId.get(i);
      if (!n) throw new Error(`sample route: no node "${i}"`);
      return [n.lon, n.lat] as LonLat;
    }),
  };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26), for sample histograms. */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y =
    1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Sample bucket counts of 10,000 units whose waits are lognormal with the given mean and sd, h. */
function lognormalBuckets(meanH: number, sdH: number, widthH: number, count: number): WaitBucket[] {
  const s2 = Math.log(1 + (sdH / meanH) ** 2);
  const mu = Math.log(meanH) - s2 / 2;
  const cdf = (x: number) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / Math.sqrt(s2)));
  return Array.from({ length: count }, (_, i) => ({
    lower_h: i * widthH,
    upper_h: (i + 1) * widthH,
    count: Math.round(10_000 * (cdf((i + 1) * widthH) - cdf(i * widthH))),
  }));
}

export function sampleWaits(): WaitDistribution[] {
  return [
    {
      crossing: 'Nur Zholy–Khorgos (road)',
      series: [
        { scenario: 'base', buckets: lognormalBuckets(264, 110, 24, 30), mean_wait_h: 264 },
        { scenario: 'nur-zholy-24h', buckets: lognormalBuckets(9.5, 6, 2, 30), mean_wait_h: 9.5 },
      ],
    },
    {
      crossing: 'Dostyk–Alashankou (rail)',
      series: [
        {
          scenario: 'base',
          quantiles: [
            { p: 0, wait_h: 6 },
            { p: 0.1, wait_h: 17.5 },
            { p: 0.25, wait_h: 24.1 },
            { p: 0.5, wait_h: 32.2 },
            { p: 0.75, wait_h: 43.5 },
            { p: 0.9, wait_h: 55.8 },
            { p: 0.99, wait_h: 84 },
          ],
          mean_wait_h: 35.4,
        },
        {
          scenario: 'nur-zholy-24h',
          quantiles: [
            { p: 0, wait_h: 6 },
            { p: 0.1, wait_h: 17.2 },
            { p: 0.25, wait_h: 23.5 },
            { p: 0.5, wait_h: 31.0 },
            { p: 0.75, wait_h: 41.8 },
            { p: 0.9, wait_h: 53.9 },
            { p: 0.99, wait_h: 81 },
          ],
          mean_wait_h: 34.1,
        },
      ],
    },
  ];
}

export function sampleCorridors(): CorridorComparisonRow[] {
  const rows: [string, number, number, number, number, number][] = [
    // corridor, mean days, p10, p90, USD per FEU, kg CO2e per FEU
    ['Northern via Dostyk and Brest', 16.8, 14.9, 19.5, 2_900, 4_410],
    ['Middle Corridor via Aktau', 24.5, 20.1, 31.2, 4_300, 4_650],
    ['Overland road via Nur Zholy', 23.0, 17.8, 30.4, 9_800, 14_400],
    ['Sea via Suez', 38.0, 35.5, 44.0, 2_100, 3_200],
  ];
  return rows.flatMap(([corridor, mean, p10, p90, usd, co2]) => [
    { corridor, scenario: 'base', transit_days_mean: mean, transit_days_p10: p10, transit_days_p90: p90, cost_usd_per_feu: usd, co2e_kg_per_feu: co2 },
    corridor.includes('Nur Zholy')
      ? { corridor, scenario: 'nur-zholy-24h', transit_days_mean: 12.6, transit_days_p10: 10.9, transit_days_p90: 15.1, cost_usd_per_feu: 8_700, co2e_kg_per_feu: 13_900 }
      : { corridor, scenario: 'nur-zholy-24h', transit_days_mean: mean, transit_days_p10: p10, transit_days_p90: p90, cost_usd_per_feu: usd, co2e_kg_per_feu: co2 },
  ]);
}

/** Profiles built leg by leg: [name, event, km, hours, USD]. */
function profile(corridor: string, legs: readonly [string, string, number, number, number][]): ProfileLine {
  const points: ProfilePointInput[] = [{ distance_km: 0, time_h: 0, cost_usd: 0, event: 'start', name: legs[0]?.[0] ?? '' }];
  let d = 0;
  let t = 0;
  let c = 0;
  for (const [name, event, km, h, usd] of legs.slice(1)) {
    d += km;
    t += h;
    c += usd;
    points.push({ distance_km: d, time_h: t, cost_usd: c, event, name });
  }
  return { corridor, points };
}

export function sampleProfiles(): ProfileLine[] {
  return [
    profile('Northern', [
      ["Xi'an", 'start', 0, 0, 0],
      ['Alashankou', 'link', 3_600, 70, 820],
      ['Dostyk (gauge change)', 'crossing', 14, 36, 330],
      ['Petropavl', 'link', 2_300, 50, 520],
      ['Petukhovo', 'crossing', 10, 8, 90],
      ['Brest', 'link', 2_700, 60, 610],
      ['Małaszewicze (gauge change)', 'crossing', 8, 22, 330],
      ['Duisburg', 'link', 1_230, 30, 200],
    ]),
    profile('Middle Corridor', [
      ["Xi'an", 'start', 0, 0, 0],
      ['Alashankou', 'link', 3_600, 70, 820],
      ['Dostyk (gauge change)', 'crossing', 14, 36, 330],
      ['Aktau', 'link', 2_900, 75, 650],
      ['Aktau port', 'transshipment', 0, 30, 250],
      ['Alat (ferry)', 'link', 430, 40, 700],
      ['Gardabani', 'crossing', 500, 20, 150],
      ['Poti', 'link', 360, 12, 120],
      ['Poti port', 'transshipment', 0, 40, 250],
      ['Constanța', 'link', 1_150, 60, 420],
      ['Duisburg', 'link', 1_900, 45, 610],
    ]),
    profile('Sea via Suez', [
      ['Shanghai', 'start', 0, 0, 0],
      ['Shanghai port', 'transshipment', 0, 48, 250],
      ['Rotterdam', 'link', 19_500, 790, 1_500],
      ['Rotterdam port', 'transshipment', 0, 36, 250],
      ['Duisburg', 'link', 230, 10, 100],
    ]),
  ];
}

export function sampleUtilization(): UtilizationBar[] {
  const rows: [string, string, number, number, number][] = [
    // crossing, direction, base, variant, capacity Mt/yr
    ['Dostyk–Alashankou', 'China → Kazakhstan', 1.11, 1.08, 9.05],
    ['Dostyk–Alashankou', 'Kazakhstan → China', 0.45, 0.45, 9.05],
    ['Altynkol–Khorgos', 'China → Kazakhstan', 1.06, 0.97, 4.95],
    ['Nur Zholy–Khorgos (road)', 'China → Kazakhstan', 0.47, 0.24, 4.38],
    ['Brest–Małaszewicze', 'Belarus → Poland', 0.4, 0.4, 5.11],
  ];
  return rows.flatMap(([crossing, direction, u0, u1, cap]) =>
    (
      [
        ['base', u0],
        ['nur-zholy-24h', u1],
      ] as const
    ).map(([scenario, u]) => ({
      crossing,
      direction,
      scenario,
      utilization: u,
      capacity_t_per_year: cap * 1e6,
      flow_t_per_year: u * cap * 1e6,
    })),
  );
}

export function sampleTonnage(): TonnageBar[] {
  const rows: [string, number, number][] = [
    ['Overland via Alashankou', 15.0, 15.0],
    ['Overland via Altynkol', 10.48, 9.6],
    ['Overland via Nur Zholy', 4.16, 5.04],
    ['Northern via Dostyk and Brest', 4.12, 4.12],
    ['Middle Corridor via Aktau', 2.6, 2.6],
    ['Middle Corridor via Kuryk', 1.32, 1.32],
  ];
  return rows.flatMap(([corridor, a, b]) => [
    { corridor, scenario: 'base', flow_t_per_year: a * 1e6 },
    { corridor, scenario: 'nur-zholy-24h', flow_t_per_year: b * 1e6 },
  ]);
}

/** Demand growing 6.5 % a year against 28 Mt/yr of capacity, 48 Mt/yr once Bakhty–Tacheng opens in 2027. */
export function sampleOutlook(): OutlookData {
  const years = Array.from({ length: 13 }, (_, i) => {
    const year = 2024 + i;
    const demand = 23e6 * 1.065 ** i;
    const capacity = year >= 2027 ? 48e6 : 28e6;
    return { year, demand_t_per_year: demand, capacity_t_per_year: capacity, flow_t_per_year: Math.min(demand, capacity) };
  });
  const saturated = years.find((y) => y.demand_t_per_year >= y.capacity_t_per_year && y.year >= 2027);
  return { element: 'China–Kazakhstan rail crossings', years, saturation_year: saturated?.year ?? null };
}

function section(doc: VizDocument, title: string, ...children: unknown[]): unknown {
  const s = (doc.createElement('section') as { append(...n: unknown[]): void });
  const h = doc.createElement('h2') as { textContent: string };
  h.textContent = title;
  s.append(h, ...children);
  return s;
}

/** The preview page as HTML text. */
export function previewHtml(model: NetworkModel = readNetworkFile().model): string {
  const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
  const doc = document as unknown as VizDocument;
  const body = document.body;
  const base = sampleMapData(model, false);
  const compared = sampleMapData(model, true);

  const header = document.createElement('header');
  header.innerHTML =
    '<h1>Caravan visual components — preview</h1><p class="viz-note">Coordinates, links, crossings and services from the default network (data/eurasia/network.yaml); flows, waits, times and costs are <strong>sample figures</strong> of the right size, not model results.</p>';
  body.append(header);

  body.append(
    section(
      doc,
      'Network map: links by mode, width by flow, crossings by wait',
      networkMapFigure(doc, { ...base, route: sampleRoute(model) }, {
        id: 'map-modes',
        title: 'Most China–Europe rail freight funnels through Dostyk and Altynkol; the wait at Nur Zholy is the longest',
        caption: 'Sample flows and waits. Map: Natural Earth 1:110m; conic equal-area projection.',
      }) as never,
    ) as never,
  );
  body.append(
    section(
      doc,
      'Network map: comparison (24-hour operation at Nur Zholy), links by utilization',
      networkMapFigure(doc, compared, {
        id: 'map-compare',
        color_by: 'utilization',
        title: '24-hour operation cuts the Nur Zholy wait from 11 days to under half a day',
        caption: 'Sample waits; fill shows the change against the base with its 95 % interval. Map: Natural Earth 1:110m.',
      }) as never,
    ) as never,
  );

  const outlook = sampleOutlook();
  body.append(
    section(
      doc,
      'Wait distributions (histogram and quantile inputs)',
      waitDistributionChart(doc, sampleWaits(), {
        id: 'waits',
        title: '24-hour operation removes the multi-day queue at Nur Zholy; Dostyk barely changes',
        caption: 'Sample distributions: Nur Zholy from hourly buckets, Dostyk from quantiles.',
      }) as never,
    ) as never,
    section(
      doc,
      'Corridor comparison',
      corridorComparisonChart(doc, sampleCorridors(), {
        id: 'corridors',
        title: 'The Northern route stays fastest; 24-hour operation makes the road via Nur Zholy ten days quicker',
        caption: 'Sample figures per 40-ft container (FEU). Emissions well-to-wheel (GLEC).',
      }) as never,
    ) as never,
    section(
      doc,
      'Time–cost–distance (UNESCAP)',
      timeCostDistanceChart(doc, sampleProfiles(), {
        id: 'tcd-cost',
        title: 'Borders and ports add a third of the Middle Corridor’s cost; sea is cheapest per FEU',
        caption: 'Sample profiles, Xi’an or Shanghai to Duisburg. Method: UNESCAP time/cost–distance.',
      }) as never,
      timeCostDistanceChart(doc, sampleProfiles(), {
        id: 'tcd-time',
        y: 'time',
        title: 'Rail via Dostyk reaches Duisburg in 11 days, the sea route in 37',
        caption: 'Sample profiles. Waits at borders and ports show as vertical steps.',
      }) as never,
    ) as never,
    section(
      doc,
      'Utilization by crossing and direction',
      utilizationChart(doc, sampleUtilization(), {
        id: 'utilization',
        title: 'Eastbound rail crossings run above capacity in both scenarios',
        caption: 'Sample utilizations: flow over operational capacity, per direction.',
      }) as never,
    ) as never,
    section(
      doc,
      'Tonnage by corridor',
      tonnageChart(doc, sampleTonnage(), {
        id: 'tonnage',
        title: '24-hour operation moves 0.9 Mt/yr from the Altynkol railway to the Nur Zholy road',
        caption: 'Sample assignment results, Mt a year.',
      }) as never,
    ) as never,
    section(
      doc,
      'Outlook',
      outlookChart(doc, outlook, {
        id: 'outlook',
        title: `The China–Kazakhstan rail crossings fill up again by ${outlook.saturation_year ?? 'never'} despite the third railway`,
        caption: 'Sample outlook: demand +6.5 % a year; capacity 28 Mt/yr, 48 Mt/yr from 2027.',
      }) as never,
    ) as never,
  );

  const style = document.createElement('style');
  style.textContent = `${VIZ_CSS}\nbody{max-width:1000px;margin:24px auto;padding:0 16px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a}h1{font-size:22px}h2{font-size:15px;color:#555;font-weight:600;border-top:1px solid #ddd;padding-top:14px;margin-top:28px}`;
  document.head.append(style);
  const title = document.createElement('title');
  title.textContent = 'Caravan visual components — preview';
  document.head.append(title);
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = resolve(process.argv[2] ?? 'viz-preview.html');
  writeFileSync(out, previewHtml());
  process.stdout.write(`wrote ${out}\n`);
}
