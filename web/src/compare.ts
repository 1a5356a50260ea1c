/**
 * Comparing scenarios in the dashboard: pick built-in or saved scenarios, run a comparison (a job of
 * `POST /api/comparisons`, its progress over Server-Sent Events), then read the headlines in plain
 * words (the terminal's own, src/report/compare-headlines), and per scenario the mean wait and the
 * units cleared a day at each crossing with the 95 % interval of the difference, and the tonnage by
 * corridor. The charts open over the map, where there is room for them.
 */
import type { CompareResultJson } from '../../src/app/compare.js';
import { headlines } from '../../src/report/compare-headlines.js';
import { type DifferenceRow, differenceChart } from '../../src/viz/difference-chart.js';
import { formatNumber } from '../../src/viz/format.js';
import { type TonnageBar, tonnageChart } from '../../src/viz/tonnage-chart.js';
import { api } from './api.js';
import { type JobView, watchJob } from './job-watch.js';
import { type GrowthFields, growingQueue } from './queue-growth.js';
import { $, doc, esc, issuesHtml } from './ui.js';

type Scenario = CompareResultJson['scenarios'][number];

/** A scenario the user can tick: one that ships with the network, or one saved in the store. */
interface Choice {
  readonly key: string;
  readonly name: string;
  readonly title: string;
  readonly description: string | null;
  readonly scenario: unknown;
  readonly origin: 'built-in' | 'saved';
}

const choices = new Map<string, Choice>();
let shown: { job: JobView; result: CompareResultJson } | undefined;

/** Node names for the headlines (door-to-door pairs), and crossing names (the outlook's elements). */
let names: ReadonlyMap<string, string> = new Map();
let crossingNames: ReadonlyMap<string, string> = new Map();

export function setNames(
  nodes: readonly { id: string; name: string }[],
  crossings: readonly { id: string; name: string }[],
): void {
  names = new Map(nodes.map((n) => [n.id, n.name]));
  crossingNames = new Map(crossings.map((c) => [c.id, c.name]));
}

/** The panel on the left: the scenarios to tick, the run's settings, progress and the outcome. */
export async function comparePanel(): Promise<void> {
  const p = $('panel-compare');
  p.innerHTML = `<h2>Compare scenarios</h2><p class="lead">The base network against one or more what-ifs, run with the same random numbers: every difference with its 95 % confidence interval.</p>
  <form id="cmp-form" novalidate>
    <fieldset><legend>Scenarios to compare with the base</legend><div id="cmp-list" class="scn-list"><div class="loading"><span class="spinner"></span>Loading the scenarios…</div></div></fieldset>
    <div class="row">
      <label>Days observed<input name="days" type="number" min="1" max="3650" value="20"></label>
      <label>Replications (2 or more)<input name="replications" type="number" min="2" max="1000" value="5"></label>
    </div>
    <div class="row">
      <label>Network date<input name="date" type="date" aria-describedby="cmp-date-note"></label>
      <label>Seed<input name="seed" type="number" value="1"></label>
    </div>
    <p class="muted" id="cmp-date-note">Blank date: the scenario's own date, else 1 July of the base year. The third railway opens on 2028-01-01.</p>
    <div class="actions"><button class="btn" type="submit" id="cmp-run">Compare</button><button class="btn secondary" type="button" id="cmp-cancel" hidden>Cancel</button></div>
  </form>
  <div id="cmp-out"><div class="empty">Tick one or more scenarios and press <em>Compare</em>. The base and each scenario are simulated, routed and assigned; the differences open over the map.</div></div>`;
  $('cmp-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runComparison(new FormData(e.target as HTMLFormElement));
  });
  await loadChoices();
}

async function loadChoices(): Promise<void> {
  const list = $('cmp-list');
  choices.clear();
  const problems: string[] = [];
  const [builtIn, saved] = await Promise.all([
    api<{ scenarios: { name: string; title: string; description: string | null; scenario: unknown }[] }>(
      'GET',
      '/api/scenarios/built-in',
    ).catch((e) => {
      problems.push(issuesHtml(e, 'The built-in scenarios could not be loaded'));
      return { scenarios: [] };
    }),
    api<{ scenarios: { id: string; name: string; scenario: { description?: string } }[] }>(
      'GET',
      '/api/scenarios',
    ).catch((e) => {
      problems.push(issuesHtml(e, 'The saved scenarios could not be loaded'));
      return { scenarios: [] };
    }),
  ]);
  for (const s of builtIn.scenarios)
    choices.set(`built-in:${s.name}`, { key: `built-in:${s.name}`, ...s, origin: 'built-in' });
  for (const s of saved.scenarios)
    choices.set(`saved:${s.id}`, {
      key: `saved:${s.id}`,
      name: s.name,
      title: s.name,
      description: s.scenario.description ?? null,
      scenario: s.scenario,
      origin: 'saved',
    });
  if (choices.size === 0) {
    list.innerHTML = `${problems.join('')}<div class="empty">No scenario to compare: save one under <em>Simulation → Scenarios</em> (the embedded network ships seven, listed here when the server runs it).</div>`;
    return;
  }
  list.innerHTML = `${problems.join('')}${[...choices.values()]
    .map(
      (c) =>
        `<label class="scn" title="${esc(c.description ?? '')}"><input type="checkbox" name="scenario" value="${esc(c.key)}"><span><strong>${esc(c.title)}</strong> <code>${esc(c.name)}</code>${c.origin === 'saved' ? ' <span class="tag">saved</span>' : ''}${c.description ? `<span class="desc">${esc(c.description)}</span>` : ''}</span></label>`,
    )
    .join('')}`;
}

async function runComparison(form: FormData): Promise<void> {
  const out = $('cmp-out');
  const picked = form
    .getAll('scenario')
    .map((k) => choices.get(String(k)))
    .filter((c) => c !== undefined);
  if (picked.length === 0) {
    out.innerHTML = issuesHtml(
      new Error('tick at least one scenario to compare with the base'),
      'Nothing to compare',
    );
    return;
  }
  const body: Record<string, unknown> = {
    scenarios: picked.map((c) => ({ name: c.name, scenario: c.scenario })),
    days: Number(form.get('days')),
    replications: Number(form.get('replications')),
    seed: Number(form.get('seed')),
  };
  if (form.get('date')) body.date = form.get('date');
  let job: JobView;
  try {
    job = await api<JobView>('POST', '/api/comparisons', body);
  } catch (e) {
    out.innerHTML = issuesHtml(e, 'The comparison could not start');
    return;
  }
  watchJob(job, {
    path: 'comparisons',
    noun: 'Comparison',
    out,
    run: $<HTMLButtonElement>('cmp-run'),
    cancel: $<HTMLButtonElement>('cmp-cancel'),
    done: (j) => showComparison(j),
  });
}

/** A finished comparison: its outcome in the panel and its charts over the map. */
export function showComparison(job: JobView): void {
  const result = job.result as CompareResultJson;
  shown = { job, result };
  const out = $('cmp-out');
  const took =
    job.started_at && job.finished_at
      ? ` in ${formatNumber((Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000, 1)} s`
      : '';
  out.innerHTML = `<h3>Result</h3><p class="muted">${formatNumber(result.scenarios.length)} scenario${result.scenarios.length === 1 ? '' : 's'} compared with ${esc(result.base.name)}${took} · run ${esc(job.id.slice(0, 8))}</p>
    <ul class="headlines">${result.scenarios.map((s) => `<li>${esc(headlines(s, names, crossingNames)[0] ?? '')}</li>`).join('')}</ul>
    <div class="actions"><button class="btn secondary" type="button" id="cmp-show">Show the comparison</button></div>`;
  $('cmp-show').onclick = () => renderView();
  renderView();
}

/** Re-draws the open comparison at the new size. */
export function resizeComparison(): void {
  if (shown && !$('compare-view').hidden) renderView();
}

/** The comparison's charts shown over the map while its tab is open (if there is one), hidden otherwise. */
export function showComparisonView(visible: boolean): void {
  if (visible && shown) renderView(false);
  else $('compare-view').hidden = true;
}

function renderView(focus = true): void {
  if (!shown) return;
  const { result: r } = shown;
  const view = $('compare-view');
  view.hidden = false;
  const m = r.method;
  view.innerHTML = `<button class="close" aria-label="Close the comparison">×</button>
    <h2>${r.base.name === 'base' ? 'The base network' : esc(r.base.name)} compared with ${r.scenarios.map((s) => esc(s.title)).join('; ')}</h2>
    <p class="muted">Network on ${esc(m.date)} · ${formatNumber(m.replications)} replications × ${formatNumber(m.days)} days (days ${formatNumber(m.warmup_days)}–${formatNumber(m.days)} counted), seed ${m.seed}, ${m.common_random_numbers ? 'common random numbers' : 'independent seeds'} · differences are scenario − base</p>
    <div class="summary" id="cmp-summary">${r.scenarios
      .map(
        (s) =>
          `<h3>${esc(s.title)} <code>${esc(s.name)}</code></h3><ul>${headlines(s, names, crossingNames)
            .map((l) => `<li${l.startsWith('  ') ? ' class="sub"' : ''}>${esc(l.trim())}</li>`)
            .join('')}</ul>`,
      )
      .join('')}</div>
    <div id="cmp-charts"></div>`;
  view.querySelector<HTMLButtonElement>('.close')!.onclick = () => {
    view.hidden = true;
  };
  view.onkeydown = (e) => {
    if (e.key === 'Escape') view.hidden = true;
  };
  const charts = $('cmp-charts');
  const width = Math.max(480, Math.min(900, view.clientWidth - 40));
  for (const [k, s] of r.scenarios.entries()) {
    const section = document.createElement('section');
    section.className = 'cmp-scenario';
    section.innerHTML = `<h3>${esc(s.title)}: per crossing</h3>`;
    try {
      const figures = scenarioCharts(r, s, k, width);
      if (figures.length === 0)
        section.insertAdjacentHTML(
          'beforeend',
          '<div class="empty">No crossing was simulated in this comparison: compare with the simulation among the analyses.</div>',
        );
      for (const f of figures) section.append(f);
    } catch (e) {
      section.insertAdjacentHTML('beforeend', issuesHtml(e, 'The charts could not be drawn'));
    }
    charts.append(section);
  }
  const tonnage = document.createElement('section');
  tonnage.className = 'cmp-tonnage';
  tonnage.innerHTML = '<h3>Tonnage by corridor (assignment)</h3>';
  try {
    const bars = tonnageBars(r);
    if (bars.length === 0)
      tonnage.insertAdjacentHTML(
        'beforeend',
        '<div class="empty">No assignment in this comparison, so no tonnage by corridor.</div>',
      );
    else
      tonnage.append(
        tonnageChart(doc, bars, {
          id: 'cmp-tonnage',
          title: tonnageTitle(r),
          caption: `Equilibrium assignment of the demand of ${m.date.slice(0, 4)}, Mt a year; deterministic, so no interval.`,
          width_px: width,
        }) as unknown as Element,
      );
  } catch (e) {
    tonnage.insertAdjacentHTML('beforeend', issuesHtml(e, 'The tonnage chart could not be drawn'));
  }
  charts.append(tonnage);
  view.scrollTop = 0;
  if (focus) view.focus();
}

type Flows = Record<string, GrowthFields & { directions?: Record<string, GrowthFields> }>;

/** Crossings whose queue grows without bound in the base or the scenario (in either direction). */
function growingCrossings(r: CompareResultJson, s: Scenario): Set<string> {
  const out = new Set<string>();
  for (const sim of [r.base.simulation, s.simulation]) {
    const crossings = (sim as { crossings?: Flows } | undefined)?.crossings ?? {};
    for (const [id, c] of Object.entries(crossings))
      if (growingQueue(c) || Object.values(c.directions ?? {}).some((d) => growingQueue(d))) out.add(id);
  }
  return out;
}

function scenarioCharts(r: CompareResultJson, s: Scenario, k: number, width: number): Element[] {
  const growing = growingCrossings(r, s);
  const label = (id: string, name: string) => (growing.has(id) ? `⚠ ${name}` : name);
  const entries = Object.entries(s.crossings);
  const waits = entries
    .filter(([, c]) => c.wait_h.base !== null || c.wait_h.scenario !== null)
    .sort(([, a], [, b]) => Math.abs(b.wait_h.difference ?? 0) - Math.abs(a.wait_h.difference ?? 0));
  const out: Element[] = [];
  const note =
    growing.size > 0
      ? ` ⚠: the queue there grows without bound in the base or the scenario (more units arrive than are cleared), so its mean wait rises with the length of the run (${formatNumber(r.method.days)} days here).`
      : '';
  const pairs = `${formatNumber(r.method.replications)} paired replications (Student's t).`;
  if (waits.length > 0) {
    const top = Math.max(...waits.flatMap(([, c]) => [c.wait_h.base ?? 0, c.wait_h.scenario ?? 0]));
    const inDays = top >= 72;
    const scale = (x: number | null) => (x === null ? null : inDays ? x / 24 : x);
    const rows: DifferenceRow[] = waits.map(([id, c]) => ({
      label: label(id, c.name),
      base: scale(c.wait_h.base),
      scenario: scale(c.wait_h.scenario),
      difference: scale(c.wait_h.difference),
      ci95: c.wait_h.difference_ci95
        ? [scale(c.wait_h.difference_ci95[0])!, scale(c.wait_h.difference_ci95[1])!]
        : null,
    }));
    const real = waits.filter(([, c]) => beyondChance(c.wait_h.difference_ci95)).length;
    out.push(
      differenceChart(doc, rows, {
        id: `cmp-s${k}-wait`,
        title:
          real === 0
            ? `${s.title}: no crossing's mean wait changes beyond chance`
            : `${s.title}: the mean wait changes beyond chance at ${formatNumber(real)} of ${formatNumber(waits.length)} crossings`,
        quantity: 'mean wait',
        unit: inDays ? 'days' : 'h',
        base_name: r.base.name,
        scenario_name: s.name,
        caption: `Simulation: mean wait before clearance, both directions together. Interval: ${pairs}${note}`,
        width_px: width,
      }) as unknown as Element,
    );
  }
  const cleared = entries
    .filter(([, c]) => c.throughput_per_day.base !== null || c.throughput_per_day.scenario !== null)
    .sort(
      ([, a], [, b]) =>
        Math.abs(b.throughput_per_day.difference ?? 0) - Math.abs(a.throughput_per_day.difference ?? 0),
    );
  if (cleared.length > 0) {
    const real = cleared.filter(([, c]) => beyondChance(c.throughput_per_day.difference_ci95)).length;
    out.push(
      differenceChart(
        doc,
        cleared.map(([id, c]) => ({
          label: label(id, c.name),
          base: c.throughput_per_day.base,
          scenario: c.throughput_per_day.scenario,
          difference: c.throughput_per_day.difference,
          ci95: c.throughput_per_day.difference_ci95,
        })),
        {
          id: `cmp-s${k}-throughput`,
          title:
            real === 0
              ? `${s.title}: the units cleared a day change beyond chance nowhere`
              : `${s.title}: the units cleared a day change beyond chance at ${formatNumber(real)} of ${formatNumber(cleared.length)} crossings`,
          quantity: 'units cleared',
          unit: 'units a day',
          base_name: r.base.name,
          scenario_name: s.name,
          caption: `Simulation: units (trains, trucks) cleared a day, both directions together. Interval: ${pairs}${note}`,
          width_px: width,
        },
      ) as unknown as Element,
    );
  }
  return out;
}

function beyondChance(ci: readonly [number, number] | null): boolean {
  return ci !== null && (ci[0] > 0 || ci[1] < 0);
}

function tonnageBars(r: CompareResultJson): TonnageBar[] {
  if (!r.base.assignment) return [];
  const base = r.base.assignment.corridors;
  // Corridors in the base's order, the largest first; then those only a scenario uses.
  const order = [
    ...new Set([
      ...[...base].sort((a, b) => b.flow_t_per_year - a.flow_t_per_year).map((c) => c.corridor),
      ...r.scenarios.flatMap((s) => s.assignment?.corridors.map((c) => c.corridor) ?? []),
    ]),
  ];
  const sides = [
    { name: r.base.name, corridors: base },
    ...r.scenarios
      .filter((s) => s.assignment)
      .map((s) => ({ name: s.name, corridors: s.assignment!.corridors })),
  ];
  return order.flatMap((corridor) =>
    sides.map((side) => ({
      corridor,
      scenario: side.name,
      flow_t_per_year: side.corridors.find((c) => c.corridor === corridor)?.flow_t_per_year ?? 0,
    })),
  );
}

function tonnageTitle(r: CompareResultJson): string {
  const moved = r.scenarios
    .flatMap((s) => s.corridor_differences.map((c) => ({ s, c })))
    .filter(({ c }) => Math.abs(c.difference) >= 0.05e6)
    .sort((a, b) => Math.abs(b.c.difference) - Math.abs(a.c.difference))[0];
  if (!moved) return 'The tonnage by corridor does not change by 0.05 Mt/yr or more';
  const { s, c } = moved;
  return `The largest shift: ${c.corridor} ${c.difference > 0 ? 'gains' : 'loses'} ${formatNumber(Math.abs(c.difference) / 1e6, 1)} Mt/yr with ${s.title}`;
}
