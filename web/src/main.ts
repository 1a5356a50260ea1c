/**
 * The Caravan dashboard: the corridors map in the middle (src/viz, offline outlines), the task on
 * the left (route planner, simulation, run history), a crossing's panel on the map when clicked.
 * Everything comes from the HTTP API; nothing is computed here but layout and formatting.
 */

import { DEFAULT_DATE } from '../../src/model/timeline.js';
import {
  formatHours,
  formatMagnitude,
  formatMt,
  formatNumber,
  formatUsd,
  formatWait,
  NBSP,
} from '../../src/viz/format.js';
import type { MapCrossing, MapLink, MapNode, NetworkMapData } from '../../src/viz/network-map.js';
import { networkMap } from '../../src/viz/network-map.js';
import { MODE_COLOR } from '../../src/viz/palette.js';
import { VIZ_CSS } from '../../src/viz/styles.js';
import { timeCostDistanceChart } from '../../src/viz/time-cost-distance-chart.js';
import { api } from './api.js';
import { comparePanel, resizeComparison, setNames, showComparison, showComparisonView } from './compare.js';
import { type JobView, watchJob } from './job-watch.js';
import { type GrowthFields, growingQueue, growthText } from './queue-growth.js';
import { $, doc, esc, fmt, issuesHtml, setStatus } from './ui.js';
import './style.css';

// Types of the API's answers (the parts the dashboard reads)

interface Node {
  id: string;
  name: string;
  country: string;
  lon: number;
  lat: number;
  aliases?: string[];
}
interface Edge {
  id?: string;
  name?: string;
  from: string;
  to: string;
  mode: 'rail' | 'road' | 'ferry' | 'sea';
}
interface Model {
  name?: string;
  nodes: Node[];
  links: Edge[];
  crossings: (Edge & { id: string; name: string })[];
  services: (Edge & { id: string; name: string })[];
}
interface CrossingInfo {
  id: string;
  name: string;
  mode: string;
  lanes: number;
  hours: string;
  tz?: string;
  steps?: { name: string; time: string }[];
  capacity_t_per_year?: number;
  quota_units_per_day?: number;
  directions: {
    from: string;
    to: string;
    operational_units_per_h: number | null;
    operational_t_per_year: number | null;
    declared_t_per_year: number | null;
    effective_t_per_year: number | null;
    binding: string;
  }[];
}
interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  max: number | null;
}
interface SimResult {
  replications: number;
  days: number;
  seed: number;
  crossings: Record<
    string,
    {
      name: string;
      mode: string;
      directions: Record<
        string,
        GrowthFields & {
          wait_h: Estimate;
          served: number;
          arrived: number;
          throughput_per_day: number | null;
          utilization?: number;
        }
      >;
    } & GrowthFields
  >;
  warnings: string[];
}
type Job = JobView;
interface RouteJson {
  label: string;
  /** Each leg's kind (link, crossing, service, transshipment) and element id, in order. */
  legs: { kind: string; id: string }[];
  nodes: string[];
  distance_km: number | null;
  time_h: { expected: number | null; p90: number | null; sd: number | null };
  cost_usd: number | null;
  co2e_kg: number | null;
  borders: number;
  transshipments: number;
  modes: string[];
  efficient: boolean;
  indicators: {
    bcps: {
      id: string;
      name: string;
      border: string;
      tfi1_h: number | null;
      wait_h: number | null;
      tfi2_usd: number | null;
    }[];
    delay_h: number | null;
    swod_kmh: number | null;
    swd_kmh: number | null;
  };
  profile: {
    distance_km: number | null;
    time_h: number | null;
    cost_usd: number | null;
    node: string;
    event: string;
    name: string;
  }[];
}
interface RouteResult {
  from: string;
  to: string;
  date: string | null;
  unit: { id: string; t: number };
  best: number | null;
  routes: RouteJson[];
  /**
   * rationed: crossings whose direction on a shown route the loaded network fills close to its
   * capacity; shared_rations: elements on the shown routes whose capacity shared by both directions it
   * fills so, with the ration `caravan assign` adds to every tonne through them (left out of the times).
   */
  waits: {
    rationed: string[];
    shared_rations: { kind: string; id: string; utilization: number | null; delay_h: number | null }[];
  };
  warnings: string[];
}

// State

const state: {
  model?: Model | undefined;
  crossings: Map<string, CrossingInfo>;
  sim?: { job: Job; result: SimResult } | undefined;
  route?: { result: RouteResult; selected: number } | undefined;
  selectedCrossing?: string | undefined;
} = { crossings: new Map() };

const nodeName = (id: string) => state.model?.nodes.find((n) => n.id === id)?.name ?? id;
/** "Khorgos road port → Nur Zholy" for a direction key "khorgos-port->nur-zholy". */
const dirName = (key: string) =>
  key
    .split('->')
    .map((id) => nodeName(id))
    .join(' → ');
/** The "queue grows" tag beside a wait, or nothing. */
function growthTag(flow: GrowthFields): string {
  const g = growingQueue(flow);
  return g
    ? `<div><span class="tag grows" title="More units arrive than are cleared: the mean wait rises with the length of the run">⚠ ${esc(growthText(g))}</span></div>`
    : '';
}

// The map

const VIEW = { k: 1, x: 0, y: 0 };
let baseBox: [number, number, number, number] = [0, 0, 960, 600];

function mapData(): NetworkMapData {
  const model = state.model!;
  const labelled = new Set([
    'xian',
    'urumqi',
    'khorgos',
    'dostyk',
    'astana',
    'moscow',
    'minsk',
    'brest',
    'malaszewicze',
    'warsaw',
    'duisburg',
    'aktau',
    'baku',
    'tbilisi',
    'istanbul',
    'chongqing',
    'almaty',
  ]);
  const nodes: MapNode[] = model.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    lon: n.lon,
    lat: n.lat,
    label: labelled.has(n.id),
  }));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const links: MapLink[] = [
    ...model.links
      .filter((l) => l.mode !== 'sea')
      .map((l) => ({
        id: l.id ?? `${l.from}-${l.to}-${l.mode}`,
        from: l.from,
        to: l.to,
        mode: l.mode,
      })),
    // Sea lanes go round continents: without their waypoints a straight line would mislead.
    ...model.services
      .filter((s) => s.mode !== 'sea')
      .map((s) => ({ id: s.id, from: s.from, to: s.to, mode: s.mode, name: s.name })),
  ];
  const sim = state.sim?.result;
  const crossings: MapCrossing[] = model.crossings.map((c) => {
    const a = byId.get(c.from)!;
    const b = byId.get(c.to)!;
    const dirs = sim?.crossings[c.id]?.directions;
    const waits = dirs ? Object.values(dirs).map((d) => d.wait_h.mean ?? 0) : [];
    return {
      id: c.id,
      name: c.name,
      mode: c.mode,
      lon: (a.lon + b.lon) / 2,
      lat: (a.lat + b.lat) / 2,
      wait_h: sim ? Math.max(0, ...waits) : undefined,
    };
  });
  const route = state.route ? state.route.result.routes[state.route.selected] : undefined;
  return {
    nodes,
    links,
    crossings,
    ...(route
      ? {
          route: {
            name: route.label,
            lon_lat: route.nodes.map((id) => [byId.get(id)!.lon, byId.get(id)!.lat] as [number, number]),
          },
        }
      : {}),
  };
}

function renderMap(): void {
  if (!state.model) return;
  const host = $('map');
  const width = Math.max(600, host.clientWidth);
  const height = Math.max(400, host.clientHeight);
  const svg = networkMap(doc, mapData(), {
    id: 'dash-map',
    title: 'Map of the China–Europe corridors',
    width_px: width,
    height_px: height - 150,
    legend: true,
    crossing_labels: 6,
  }) as unknown as SVGSVGElement;
  host.replaceChildren(svg);
  const vb = svg.getAttribute('viewBox')!.split(/\s+/).map(Number) as [number, number, number, number];
  baseBox = vb;
  applyView(svg);
  for (const g of svg.querySelectorAll<SVGGElement>('.viz-crossing')) {
    const id = g.getAttribute('data-id')!;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    if (id === state.selectedCrossing) g.classList.add('selected');
    g.addEventListener('click', (e) => {
      e.stopPropagation();
      openCrossing(id);
    });
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') openCrossing(id);
    });
  }
  attachHover(svg);
  const growing = state.sim
    ? Object.values(state.sim.result.crossings)
        .filter((c) => growingQueue(c) || Object.values(c.directions).some((d) => growingQueue(d)))
        .map((c) => c.name)
    : [];
  $('maphint').textContent = state.sim
    ? `Crossings sized by simulated mean wait (${state.sim.result.replications} replications × ${state.sim.result.days} days). Click a crossing for details.${
        growing.length > 0
          ? ` ⚠ The queue grows without bound at ${growing.join(', ')}: those waits rise with the length of the run.`
          : ''
      }`
    : 'Crossings are drawn at one size until a simulation has run: run one under Simulation. Click a crossing for its parameters.';
}

function applyView(svg: SVGSVGElement): void {
  const [x0, y0, w, h] = baseBox;
  const w2 = w / VIEW.k;
  const h2 = h / VIEW.k;
  svg.setAttribute('viewBox', `${x0 + VIEW.x + (w - w2) / 2} ${y0 + VIEW.y + (h - h2) / 2} ${w2} ${h2}`);
}

function zoom(factor: number): void {
  VIEW.k = Math.min(8, Math.max(1, VIEW.k * factor));
  if (VIEW.k === 1) {
    VIEW.x = 0;
    VIEW.y = 0;
  }
  const svg = $('map').querySelector('svg');
  if (svg) applyView(svg);
}

function setupPanZoom(): void {
  const host = $('map');
  host.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; vx: number; vy: number } | undefined;
  host.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).closest('.viz-crossing')) return;
    drag = { x: e.clientX, y: e.clientY, vx: VIEW.x, vy: VIEW.y };
    host.querySelector('svg')?.classList.add('dragging');
  });
  window.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const svg = host.querySelector('svg');
    if (!svg) return;
    const scale = baseBox[2] / VIEW.k / svg.clientWidth;
    VIEW.x = drag.vx - (e.clientX - drag.x) * scale;
    VIEW.y = drag.vy - (e.clientY - drag.y) * scale;
    applyView(svg);
  });
  window.addEventListener('pointerup', () => {
    drag = undefined;
    host.querySelector('svg')?.classList.remove('dragging');
  });
  $('zoom-in').onclick = () => zoom(1.5);
  $('zoom-out').onclick = () => zoom(1 / 1.5);
  $('zoom-reset').onclick = () => {
    VIEW.k = 1;
    VIEW.x = 0;
    VIEW.y = 0;
    zoom(1);
  };
}

function attachHover(svg: SVGSVGElement): void {
  const tip = $('tooltip');
  const wrap = svg.closest('.mapwrap')!;
  svg.addEventListener('pointermove', (e) => {
    const mark = (e.target as Element).closest('[data-id]');
    const title = mark?.querySelector(':scope > title')?.textContent;
    if (!mark || !title || mark.classList.contains('viz-country')) {
      tip.hidden = true;
      return;
    }
    const r = wrap.getBoundingClientRect();
    tip.textContent = title;
    tip.style.left = `${e.clientX - r.left + 14}px`;
    tip.style.top = `${e.clientY - r.top + 10}px`;
    tip.hidden = false;
  });
  svg.addEventListener('pointerleave', () => {
    tip.hidden = true;
  });
  // The SVG's own <title> would show a second, slower tooltip.
  for (const t of svg.querySelectorAll('[data-id] > title')) {
    t.parentElement!.setAttribute('aria-label', t.textContent ?? '');
  }
}

// A crossing's panel

function openCrossing(id: string): void {
  state.selectedCrossing = id;
  $('tooltip').hidden = true;
  const card = $('crossing');
  const c = state.crossings.get(id);
  if (!c) return;
  const sim = state.sim?.result.crossings[id];
  const capRows = c.directions
    .map(
      (d) => `<tr><td>${esc(nodeName(d.from))} → ${esc(nodeName(d.to))}</td>
      <td>${fmt(d.declared_t_per_year, formatMt)}</td><td>${fmt(d.operational_t_per_year, formatMt)}</td>
      <td>${fmt(d.operational_units_per_h, (x) => formatNumber(x, 1))}</td><td>${esc(d.binding)}</td></tr>`,
    )
    .join('');
  let waitHtml = `<div class="empty">Flow and wait per direction come from a simulation: run one under <em>Simulation</em>.</div>`;
  if (sim) {
    const dirs = Object.entries(sim.directions);
    const growing = dirs
      .map(([key, d]) => ({ key, g: growingQueue(d) }))
      .filter((x): x is { key: string; g: NonNullable<ReturnType<typeof growingQueue>> } => x.g !== null);
    const warning =
      growing.length > 0
        ? `<div class="warn" role="note"><strong>The queue grows: this wait is not a steady state.</strong> More units arrive than are cleared (${growing
            .map(({ key, g }) => `${esc(dirName(key))}: ${esc(growthText(g))}`)
            .join(
              '; ',
            )}), so the mean wait keeps rising with the length of the run (here ${formatNumber(state.sim!.result.days)} days). A longer run gives a longer wait.</div>`
        : '';
    waitHtml = `${warning}<table class="data"><thead><tr><th>direction</th><th>served, units/day</th><th>wait mean, h (95% CI)</th><th>P90, h</th></tr></thead><tbody>${dirs
      .map(([key, d]) => {
        const ci = d.wait_h.ci95
          ? `<div class="ci">(${formatMagnitude(d.wait_h.ci95[0])}–${formatMagnitude(d.wait_h.ci95[1])})</div>`
          : '';
        return `<tr><td>${esc(dirName(key))}</td><td>${fmt(d.throughput_per_day, (x) => formatNumber(x, 1))}</td><td>${fmt(d.wait_h.mean, formatMagnitude)}${ci}${growthTag(d)}</td><td>${fmt(d.wait_h.p90, formatMagnitude)}</td></tr>`;
      })
      .join('')}</tbody></table>
      <h3>Wait distribution, h</h3>${dirs.map(([key, d]) => distribution(key, d.wait_h)).join('')}`;
  }
  card.innerHTML = `<button class="close" aria-label="Close">×</button>
    <h2>${esc(c.name)}</h2><div class="muted">${esc(c.mode)} crossing · ${esc(c.hours)}${c.tz ? ` (${esc(c.tz)})` : ''} · ${formatNumber(c.lanes)} lanes${c.quota_units_per_day ? ` · quota ${formatNumber(c.quota_units_per_day)} units/day` : ''}</div>
    <h3>Capacity per direction</h3>
    <table class="data"><thead><tr><th>direction</th><th>declared</th><th>operational</th><th>units/h</th><th>binding</th></tr></thead><tbody>${capRows}</tbody></table>
    <p class="muted">Declared: from the sources; operational: what lanes, opening hours and clearance times allow (Mt/yr).</p>
    <h3>Flow and wait</h3>${waitHtml}
    ${c.steps?.length ? `<h3>Steps</h3><ol class="muted">${c.steps.map((s) => `<li>${esc(s.name)}: <code>${esc(s.time)}</code></li>`).join('')}</ol>` : ''}`;
  card.hidden = false;
  card.querySelector<HTMLButtonElement>('.close')!.onclick = () => {
    card.hidden = true;
    state.selectedCrossing = undefined;
    renderMap();
  };
  renderMap();
}

function distribution(key: string, e: Estimate): string {
  const [from, to] = key.split('->');
  const rows: [string, number | null][] = [
    ['P50', e.p50],
    ['mean', e.mean],
    ['P90', e.p90],
    ['P95', e.p95],
    ['max', e.max],
  ];
  const top = Math.max(1e-9, ...rows.map(([, v]) => v ?? 0));
  return `<div class="muted" style="margin-top:.4rem">${esc(nodeName(from!))} → ${esc(nodeName(to!))}</div><div class="distbar">${rows
    .map(
      ([k, v]) =>
        `<span>${k}</span><div class="bar" style="width:${(((v ?? 0) / top) * 100).toFixed(1)}%"></div><span>${fmt(v, formatMagnitude)}${NBSP}h</span>`,
    )
    .join('')}</div>`;
}

// Route planner

function routePanel(): void {
  const p = $('panel-route');
  const modes = ['rail', 'road', 'ferry', 'sea'] as const;
  p.innerHTML = `<h2>Route planner</h2><p class="lead">Door-to-door routes with their trade-offs of time, reliability, cost and CO2e.</p>
  <form id="route-form" novalidate>
    <datalist id="places">${state.model!.nodes.map((n) => `<option value="${esc(n.name)}">${esc(n.country)}</option>`).join('')}</datalist>
    <div class="row">
      <label>From<input name="from" list="places" value="Xi'an" required autocomplete="off" aria-label="From"></label>
      <label>To<input name="to" list="places" value="Duisburg" required autocomplete="off" aria-label="To"></label>
    </div>
    <div class="row">
      <label>Date<input name="date" type="date" value="${DEFAULT_DATE}" title="the day the network is taken on; every analysis defaults to ${DEFAULT_DATE}"></label>
      <label>Best by<select name="optimize">
        <option value="time">expected time</option><option value="p90">P90 time (reliability)</option>
        <option value="cost">cost</option><option value="co2e">CO2e</option><option value="distance">distance</option>
      </select></label>
    </div>
    <label>Avoid countries (ISO codes, comma-separated, e.g. RU, BY)<input name="avoid" autocomplete="off"></label>
    <fieldset><legend>Modes allowed</legend><div class="checks">${modes
      .map(
        (m) =>
          `<label><input type="checkbox" name="modes" value="${m}" checked><span class="swatch" style="background:${MODE_COLOR[m]}"></span>${m}</label>`,
      )
      .join('')}</div></fieldset>
    <div class="actions"><button class="btn" type="submit">Plan routes</button><span class="muted">per FEU</span></div>
  </form>
  <div id="route-out"><div class="empty">Choose two places and press <em>Plan routes</em>: the Pareto table appears here and the chosen route on the map.</div></div>`;
  $('route-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void planRoute(new FormData(e.target as HTMLFormElement));
  });
}

async function planRoute(form: FormData): Promise<void> {
  const out = $('route-out');
  out.innerHTML = `<div class="loading"><span class="spinner"></span>Planning routes…</div>`;
  const avoid = String(form.get('avoid') ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => s.toUpperCase());
  const body: Record<string, unknown> = {
    from: String(form.get('from') ?? '').trim(),
    to: String(form.get('to') ?? '').trim(),
    optimize: form.get('optimize'),
    modes: form.getAll('modes'),
  };
  if (form.get('date')) body.date = form.get('date');
  if (avoid.length > 0) body.avoid_countries = avoid;
  try {
    const result = await api<RouteResult>('POST', '/api/routes', body);
    state.route = { result, selected: result.best ?? 0 };
    showRoutes();
  } catch (e) {
    state.route = undefined;
    out.innerHTML = issuesHtml(e, 'The routes could not be planned');
    renderMap();
  }
}

function showRoutes(): void {
  const out = $('route-out');
  const { result, selected } = state.route!;
  if (result.routes.length === 0) {
    out.innerHTML = `<div class="empty">No route from ${esc(nodeName(result.from))} to ${esc(nodeName(result.to))} with these constraints: allow more modes or avoid fewer countries.</div>`;
    renderMap();
    return;
  }
  const r = result.routes[selected]!;
  const days = (h: number | null) => fmt(h, (x) => formatMagnitude(x / 24));
  const rationed = r.indicators.bcps.filter((b) => result.waits.rationed.includes(b.id));
  const sharedRations = result.waits.shared_rations
    .filter((x) => r.legs.some((l) => l.kind === x.kind && l.id === x.id))
    .map((x) => ({
      ...x,
      name: (x.kind === 'crossing' ? r.indicators.bcps.find((b) => b.id === x.id)?.name : undefined) ?? x.id,
    }));
  out.innerHTML = `<h3>${esc(nodeName(result.from))} → ${esc(nodeName(result.to))}: ${result.routes.length} Pareto-optimal route${result.routes.length === 1 ? '' : 's'}</h3>
    <table class="data" id="pareto"><thead><tr><th>corridor</th><th>time, days</th><th>P90, days</th><th>cost, USD/${esc(result.unit.id.toUpperCase())}</th><th>CO2e, kg</th><th>distance, km</th></tr></thead>
    <tbody>${result.routes
      .map(
        (
          x,
          i,
        ) => `<tr class="pick" tabindex="0" data-i="${i}" aria-selected="${i === selected}"><td>${esc(x.label)}${i === result.best ? ' <span class="best">best</span>' : ''}</td>
        <td>${days(x.time_h.expected)}</td><td>${days(x.time_h.p90)}</td><td>${fmt(x.cost_usd, formatUsd)}</td><td>${fmt(x.co2e_kg, (v) => formatNumber(v, 0))}</td><td>${fmt(x.distance_km, (v) => formatNumber(v, 0))}</td></tr>`,
      )
      .join('')}</tbody></table>
    <h3>${esc(r.label)}</h3>
    <div class="kpis">
      <div class="kpi"><div class="v">${days(r.time_h.expected)}</div><div class="u">days expected (P90 ${days(r.time_h.p90)})</div></div>
      <div class="kpi"><div class="v">${fmt(r.cost_usd, formatUsd)}</div><div class="u">USD per ${esc(result.unit.id.toUpperCase())}</div></div>
      <div class="kpi"><div class="v">${formatNumber(r.borders)}</div><div class="u">borders, ${formatNumber(r.transshipments)} transshipments</div></div>
    </div>
    ${
      rationed.length > 0
        ? `<div class="warn" role="note" id="route-rationed"><strong>A ration, not a forecast of the queue.</strong> The loaded network fills ${rationed
            .map((b) => esc(b.name))
            .join(
              ', ',
            )} on this route to within 1 % of its capacity, so the wait shown there is the one at which the freight left unserved would rather not go. A run under <em>Simulation</em> gives the queue itself.</div>`
        : ''
    }
    ${
      sharedRations.length > 0
        ? `<div class="warn" role="note" id="route-shared-rations"><strong>A shared capacity rationed.</strong> The loaded network fills the capacity both directions share at ${sharedRations
            .map((x) => `${esc(x.name)} (${fmt(x.delay_h, formatMagnitude)} h)`)
            .join(
              ', ',
            )} to within 1 % of its capacity: the assignment adds that ration to every tonne through it, in either direction, and the time shown leaves it out.</div>`
        : ''
    }
    <div class="chart" id="tcd"></div>
    <h3>Border crossings (CPMM indicators)</h3>
    <table class="data"><thead><tr><th>crossing</th><th>wait, h</th><th>TFI1, h</th><th>TFI2, USD</th></tr></thead><tbody>${r.indicators.bcps
      .map(
        (b) =>
          `<tr><td>${esc(b.name)}</td><td>${fmt(b.wait_h, formatMagnitude)}</td><td>${fmt(b.tfi1_h, formatMagnitude)}</td><td>${fmt(b.tfi2_usd, formatUsd)}</td></tr>`,
      )
      .join('')}</tbody></table>
    <p class="muted">Average speed door to door ${fmt(r.indicators.swd_kmh, (v) => formatNumber(v, 1))} km/h, moving ${fmt(r.indicators.swod_kmh, (v) => formatNumber(v, 1))} km/h; delay ${fmt(r.indicators.delay_h, formatHours)}.</p>
    ${result.warnings.length ? `<div class="error" role="note"><ul>${result.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : ''}`;
  for (const tr of out.querySelectorAll<HTMLTableRowElement>('#pareto tr.pick')) {
    const pick = () => {
      state.route!.selected = Number(tr.dataset.i);
      showRoutes();
    };
    tr.onclick = pick;
    tr.onkeydown = (e) => {
      if (e.key === 'Enter') pick();
    };
  }
  const points = r.profile
    .filter((p) => p.distance_km !== null && p.time_h !== null && p.cost_usd !== null)
    .map((p) => ({
      distance_km: p.distance_km!,
      time_h: p.time_h!,
      cost_usd: p.cost_usd!,
      event: p.event,
      name: p.name,
    }));
  if (points.length > 1) {
    try {
      const fig = timeCostDistanceChart(doc, [{ corridor: r.label, points }], {
        title: 'Cumulative cost along the route',
        width_px: 640,
        cost_unit: `USD per ${result.unit.id.toUpperCase()}`,
      }) as unknown as Element;
      $('tcd').replaceChildren(fig);
    } catch (e) {
      $('tcd').innerHTML = issuesHtml(e, 'The chart could not be drawn');
    }
  }
  renderMap();
}

// Simulation

async function simPanel(): Promise<void> {
  const p = $('panel-sim');
  p.innerHTML = `<h2>Simulation</h2><p class="lead">Monte Carlo run of the whole demand over the corridors: waits at every crossing with their uncertainty.</p>
  <form id="sim-form" novalidate>
    <div class="row">
      <label>Days observed<input name="days" type="number" min="1" max="3650" value="30"></label>
      <label>Replications<input name="replications" type="number" min="1" max="1000" value="5"></label>
    </div>
    <div class="row">
      <label>Seed<input name="seed" type="number" value="1"></label>
      <label>Scenario<select name="scenario_id" id="sim-scenario"><option value="">base network</option></select></label>
    </div>
    <div class="actions"><button class="btn" type="submit" id="sim-run">Run simulation</button><button class="btn secondary" type="button" id="sim-cancel" hidden>Cancel</button></div>
  </form>
  <details id="scn"><summary>Scenarios: add a what-if</summary>
    <p class="muted">A <code>caravan-scenario/1</code> overlay in JSON, checked against the network when saved.</p>
    <textarea id="scn-text" rows="8" spellcheck="false" aria-label="Scenario JSON">${esc(
      JSON.stringify(
        {
          format: 'caravan-scenario/1',
          name: 'Nur Zholy 24-hour operation',
          description:
            'as data/eurasia/scenarios/nur-zholy-24h.yaml: round the clock with the e-queue limit of 650 trucks a day',
          changes: { crossings: { 'nur-zholy-khorgos': { hours: '24/7', quota_units_per_day: 650 } } },
        },
        null,
        2,
      ),
    )}</textarea>
    <div class="actions"><button class="btn secondary" type="button" id="scn-save">Save scenario</button></div>
    <div id="scn-out"></div>
  </details>
  <div id="sim-out"><div class="empty">Set the length and replications and press <em>Run simulation</em>. Progress shows here; the map then sizes crossings by their wait.</div></div>`;
  $('scn-save').onclick = async () => {
    const out = $('scn-out');
    let doc: unknown;
    try {
      doc = JSON.parse($<HTMLTextAreaElement>('scn-text').value);
    } catch (e) {
      out.innerHTML = issuesHtml(e, 'The scenario is not valid JSON');
      return;
    }
    try {
      const s = await api<{ id: string; name: string }>('POST', '/api/scenarios', doc);
      $('sim-scenario').insertAdjacentHTML(
        'beforeend',
        `<option value="${esc(s.id)}">${esc(s.name)}</option>`,
      );
      $<HTMLSelectElement>('sim-scenario').value = s.id;
      out.innerHTML = `<p class="muted">Saved as “${esc(s.name)}” and selected for the next run.</p>`;
    } catch (e) {
      out.innerHTML = issuesHtml(e, 'The scenario was not saved');
    }
  };
  $('sim-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runSimulation(new FormData(e.target as HTMLFormElement));
  });
  try {
    const { scenarios } = await api<{ scenarios: { id: string; name: string }[] }>('GET', '/api/scenarios');
    $('sim-scenario').insertAdjacentHTML(
      'beforeend',
      scenarios.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join(''),
    );
  } catch {
    // The base network stays selectable.
  }
}

async function runSimulation(form: FormData): Promise<void> {
  const out = $('sim-out');
  const body: Record<string, unknown> = {
    days: Number(form.get('days')),
    replications: Number(form.get('replications')),
    seed: Number(form.get('seed')),
  };
  if (form.get('scenario_id')) body.scenario_id = form.get('scenario_id');
  let job: Job;
  try {
    job = await api<Job>('POST', '/api/simulations', body);
  } catch (e) {
    out.innerHTML = issuesHtml(e, 'The simulation could not start');
    return;
  }
  watchJob(job, {
    path: 'simulations',
    noun: 'Simulation',
    out: $('sim-out'),
    run: $<HTMLButtonElement>('sim-run'),
    cancel: $<HTMLButtonElement>('sim-cancel'),
    done: (j) => {
      state.sim = { job: j, result: j.result as SimResult };
      showSim();
    },
  });
}

function showSim(): void {
  const out = $('sim-out');
  const { job, result } = state.sim!;
  const rows = Object.entries(result.crossings)
    .flatMap(([id, c]) => Object.entries(c.directions).map(([key, d]) => ({ id, name: c.name, key, d })))
    .filter((r) => r.d.served > 0)
    .sort((a, b) => (b.d.wait_h.mean ?? 0) - (a.d.wait_h.mean ?? 0));
  const growingRows = rows.filter((r) => growingQueue(r.d) !== null).length;
  const top = rows[0];
  const headline = top
    ? `The longest wait is at ${esc(top.name)} (${esc(nodeName(top.key.split('->')[0]!))} → ${esc(nodeName(top.key.split('->')[1]!))}): ${fmt(top.d.wait_h.mean, (h) => formatWait(h))} on average${growingQueue(top.d) ? ', and growing with the length of the run' : ''}`
    : 'No crossing was used';
  out.innerHTML = `<h3>Result</h3><p><strong>${headline}.</strong></p>
    <p class="muted">${formatNumber(result.replications)} replications × ${formatNumber(result.days)} days, seed ${result.seed} · run ${esc(job.id.slice(0, 8))} · ${new Date(job.finished_at ?? job.created_at).toLocaleString()}</p>
    <table class="data" id="sim-table"><thead><tr><th>crossing, direction</th><th>wait mean, h (95% CI)</th><th>P90, h</th><th>served, units/day</th></tr></thead><tbody>${rows
      .map(
        (
          r,
        ) => `<tr class="pick" data-id="${esc(r.id)}"><td>${esc(r.name)}<div class="ci">${esc(nodeName(r.key.split('->')[0]!))} → ${esc(nodeName(r.key.split('->')[1]!))}</div></td>
        <td>${fmt(r.d.wait_h.mean, formatMagnitude)}${r.d.wait_h.ci95 ? `<div class="ci">(${formatMagnitude(r.d.wait_h.ci95[0])}–${formatMagnitude(r.d.wait_h.ci95[1])})</div>` : ''}${growthTag(r.d)}</td>
        <td>${fmt(r.d.wait_h.p90, formatMagnitude)}</td><td>${fmt(r.d.throughput_per_day, (x) => formatNumber(x, 1))}</td></tr>`,
      )
      .join('')}</tbody></table>
    ${growingRows > 0 ? `<div class="warn" role="note" id="sim-growth-note"><strong>⚠ ${formatNumber(growingRows)} queue${growingRows === 1 ? ' grows' : 's grow'} without bound.</strong> More units arrive there than are cleared, so the mean wait keeps rising with the length of the run (${formatNumber(result.days)} days here): it is not a steady-state wait. Click the crossing for its directions.</div>` : ''}
    ${result.warnings.length ? `<div class="error" role="note"><ul>${result.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : ''}`;
  for (const tr of out.querySelectorAll<HTMLTableRowElement>('#sim-table tr.pick'))
    tr.onclick = () => openCrossing(tr.dataset.id!);
  renderMap();
}

// Run history

async function runsPanel(): Promise<void> {
  const p = $('panel-runs');
  p.innerHTML = `<h2>Run history</h2><p class="lead">Every simulation and every answered request, kept across restarts.</p><div id="runs-out"><div class="loading"><span class="spinner"></span>Loading…</div></div>`;
  try {
    const { runs, total } = await api<{ runs: Job[]; total: number }>('GET', '/api/runs?limit=50');
    const out = $('runs-out');
    if (runs.length === 0) {
      out.innerHTML = `<div class="empty">No runs yet: plan a route or run a simulation.</div>`;
      return;
    }
    out.innerHTML = `<p class="muted">${formatNumber(total)} run${total === 1 ? '' : 's'}, newest first. Click a finished simulation to show it on the map, a comparison to open its charts.</p>
    <table class="data"><thead><tr><th>run</th><th>status</th><th>started</th><th>took, s</th></tr></thead><tbody>${runs
      .map((r) => {
        const took =
          r.started_at && r.finished_at
            ? (Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000
            : null;
        const what =
          r.kind === 'route'
            ? `route ${esc(r.options.from)} → ${esc(r.options.to)}`
            : r.kind === 'simulate'
              ? `simulation, ${esc(r.options.days)} d × ${esc(r.options.replications)}`
              : r.kind === 'compare'
                ? `comparison with ${esc(
                    ((r.options.scenarios as { name?: string }[] | undefined) ?? [])
                      .map((x) => x.name)
                      .join(', '),
                  )}`
                : esc(r.kind);
        const shows = (r.kind === 'simulate' || r.kind === 'compare') && r.status === 'done';
        return `<tr class="${shows ? 'pick' : ''}" data-id="${esc(r.id)}" data-kind="${esc(r.kind)}"><td>${what}</td><td><span class="tag ${esc(r.status)}">${esc(r.status)}</span></td><td>${new Date(r.created_at).toLocaleString()}</td><td>${fmt(took, (v) => formatNumber(v, 1))}</td></tr>`;
      })
      .join('')}</tbody></table>`;
    for (const tr of out.querySelectorAll<HTMLTableRowElement>('tr.pick')) {
      tr.onclick = async () => {
        const j = await api<Job>('GET', `/api/runs/${tr.dataset.id}`);
        if (tr.dataset.kind === 'compare') {
          showTab('compare');
          showComparison(j);
          return;
        }
        state.sim = { job: j, result: j.result as SimResult };
        showTab('sim');
        showSim();
      };
    }
  } catch (e) {
    $('runs-out').innerHTML = issuesHtml(e, 'The history could not be loaded');
  }
}

// Tabs and start

function showTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs button')) {
    b.setAttribute('aria-selected', String(b.dataset.panel === name));
  }
  for (const s of ['route', 'sim', 'compare', 'runs']) $(`panel-${s}`).hidden = s !== name;
  showComparisonView(name === 'compare');
  if (name === 'runs') void runsPanel();
}

async function start(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = VIZ_CSS;
  document.head.append(style);
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs button'))
    b.onclick = () => showTab(b.dataset.panel!);
  setupPanZoom();
  try {
    const [model, crossings] = await Promise.all([
      api<Model>('GET', '/api/network'),
      api<{ crossings: CrossingInfo[] }>('GET', '/api/crossings'),
    ]);
    state.model = model;
    state.crossings = new Map(crossings.crossings.map((c) => [c.id, c]));
    const netname = $('netname');
    netname.textContent = `${model.name ?? 'network'} · ${formatNumber(model.nodes.length)} places, ${formatNumber(model.crossings.length)} crossings`;
    // the whole line on hover where a narrow window cuts it short
    netname.title = netname.textContent;
    setNames(model.nodes, model.crossings);
    routePanel();
    await Promise.all([simPanel(), comparePanel()]);
    // The latest finished simulation sizes the crossings from the start.
    const { runs } = await api<{ runs: Job[] }>('GET', '/api/runs?kind=simulate&status=done&limit=1');
    if (runs[0]) {
      const j = await api<Job>('GET', `/api/runs/${runs[0].id}`);
      state.sim = { job: j, result: j.result as SimResult };
      showSim();
    }
    renderMap();
    setStatus('Ready');
    let t: number | undefined;
    window.addEventListener('resize', () => {
      clearTimeout(t);
      t = window.setTimeout(() => {
        renderMap();
        resizeComparison();
      }, 150);
    });
  } catch (e) {
    $('map').innerHTML = issuesHtml(e, 'The network could not be loaded');
    $('netname').textContent = 'no network';
  }
}

void start();
