/** `caravan route`: door-to-door routes between two places, the Pareto trade-offs and the best one leg by leg. */
import type { Command } from 'commander';
import { cpmmIndicators } from '../indicators/cpmm.js';
import { profileChart } from '../indicators/profile-chart.js';
import { timeCostDistance } from '../indicators/time-cost-distance.js';
import { readDataFile } from '../io/input-file.js';
import { countryName } from '../model/country.js';
import { InputError, type Issue, issue } from '../model/issue.js';
import { MODES, type Mode, type NetworkModel } from '../model/schema.js';
import { compileNetwork } from '../network/compile.js';
import { NameIndex } from '../network/lookup.js';
import { resolveConstraints } from '../route/constraints.js';
import type { Route } from '../route/describe-route.js';
import { OBJECTIVES, type Objective } from '../route/objective.js';
import { planRoutes, type RouteOptionPaths, type RoutePlan } from '../route/plan.js';
import { exposureNotes, planJson } from '../route/plan-json.js';
import { routeUnit } from '../route/route-context.js';
import { readSimulatedWaits } from '../route/simulated-waits.js';
import { collect, loadNetworkOption, SCENARIO_HELP } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';

interface RouteFlags {
  from: string;
  to: string;
  optimize: string;
  valueOfTime?: string;
  avoidCountry?: string;
  avoid?: string;
  modes?: string;
  date?: string;
  unit?: string;
  maxTransshipments?: string;
  cargo?: string;
  waits?: string;
  network?: string;
  scenario?: string[];
  all?: boolean;
  json?: boolean;
}

const PATHS: RouteOptionPaths = {
  from: '--from',
  to: '--to',
  optimize: '--optimize',
  valueOfTimeUsdPerH: '--value-of-time',
  maxTransshipments: '--max-transshipments',
  unit: '--unit',
  avoidCountries: '--avoid-country',
  avoid: '--avoid',
  modes: '--modes',
  date: '--date',
  cargo: '--cargo',
};

const OBJECTIVE_WORDS: Readonly<Record<Objective, string>> = {
  time: 'expected time',
  p90: 'P90 time (reliability)',
  cost: 'cost',
  co2e: 'CO2e',
  distance: 'distance',
  generalized: 'generalized cost',
};

export function registerRoute(program: Command): void {
  program
    .command('route')
    .description(
      'door-to-door routes between two places: Pareto trade-offs of time, reliability, cost and CO2e',
    )
    .requiredOption('--from <name>', 'origin: a node id, name or alias')
    .requiredOption('--to <name>', 'destination: a node id, name or alias')
    .option('--optimize <objective>', `best route by: ${OBJECTIVES.join(', ')}`, 'time')
    .option('--value-of-time <usd_per_h>', 'for --optimize generalized: USD per hour per unit shipped')
    .option('--avoid-country <codes>', 'countries not to enter, e.g. RU,BY')
    .option('--avoid <ids>', 'nodes, crossings, services or links not to use (ids or names, comma-separated)')
    .option('--modes <modes>', `modes allowed, from ${MODES.join(',')}`)
    .option('--date <yyyy-mm-dd>', 'infrastructure in service on this day (default: today)')
    .option(
      '--unit <unit>',
      'unit shipped: a unit of the network (teu, feu, truck) or t (default: feu, else teu)',
    )
    .option('--max-transshipments <n>', 'at most this many changes of mode')
    .option('--cargo <type>', 'cargo type, where the network distinguishes it')
    .option('--waits <file>', 'crossing waits from `caravan simulate --json` instead of the queue model')
    .option('--network <file>', 'network file, YAML or JSON (default: the embedded Eurasia network)')
    .option('--scenario <file|name>', SCENARIO_HELP, collect)
    .option('--all', 'list every Pareto-optimal route, not one per corridor')
    .option('--json', 'print as JSON')
    .action((flags: RouteFlags) => {
      const { model } = loadNetworkOption(flags);
      const net = compileNetwork(model);
      const issues: Issue[] = [];
      const collect = <T>(f: () => T): T | undefined => {
        try {
          return f();
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          issues.push(...e.issues);
          return undefined;
        }
      };
      const nodes = new NameIndex(model.nodes, 'node');
      const from = collect(() => nodes.resolve(flags.from, '--from').id);
      const to = collect(() => nodes.resolve(flags.to, '--to').id);
      const { options, issues: flagIssues } = routeOptions(model, flags);
      issues.push(...flagIssues);
      collect(() => resolveConstraints(net, options, PATHS));
      collect(() => routeUnit(net, options.unit, '--unit'));
      const simulatedWaits =
        flags.waits !== undefined
          ? collect(() => readSimulatedWaits(net, readJsonFile(flags.waits!, '--waits'), '--waits'))
          : undefined;
      if (issues.length > 0 || !options || from === undefined || to === undefined)
        throw new InputError(issues);
      const plan = planRoutes(net, from, to, { ...options, simulatedWaits, paths: PATHS });
      if (flags.json) printJson(planJson(model, plan, { all: flags.all === true }));
      else print(formatPlan(model, plan, { all: flags.all === true, dateGiven: flags.date !== undefined }));
    });
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The library's options from the command's flags; every bad value is an issue at its flag (and left out). */
function routeOptions(model: NetworkModel, flags: RouteFlags) {
  const issues: Issue[] = [];
  if (!(OBJECTIVES as readonly string[]).includes(flags.optimize)) {
    issues.push(
      issue(
        'invalid_option',
        '--optimize',
        `unknown objective "${flags.optimize}": use ${OBJECTIVES.join(', ')}`,
      ),
    );
  }
  const number = (text: string | undefined, flag: string, what: string, integer: boolean) => {
    if (text === undefined) return undefined;
    const x = Number(text);
    if (text.trim() === '' || !Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
      issues.push(issue('invalid_option', flag, `"${text}" is not ${what}`));
      return undefined;
    }
    return x;
  };
  const valueOfTime = number(flags.valueOfTime, '--value-of-time', 'an amount ≥ 0 in USD per hour', false);
  const maxTransshipments = number(
    flags.maxTransshipments,
    '--max-transshipments',
    'a whole number ≥ 0',
    true,
  );
  const modes = list(flags.modes);
  for (const m of modes ?? []) {
    if (!(MODES as readonly string[]).includes(m)) {
      issues.push(issue('invalid_option', '--modes', `unknown mode "${m}": use ${MODES.join(', ')}`));
    }
  }
  const avoid: string[] = [];
  if (flags.avoid !== undefined) {
    const index = new NameIndex(
      [
        ...model.nodes,
        ...model.crossings,
        ...model.services,
        ...model.links.map((l) => ({ id: l.id!, name: l.id! })),
      ],
      'node, crossing, service or link',
    );
    for (const text of list(flags.avoid) ?? []) {
      try {
        avoid.push(index.resolve(text, '--avoid').id);
      } catch (e) {
        if (e instanceof InputError) issues.push(...e.issues);
        else throw e;
      }
    }
  }
  const options = {
    optimize: flags.optimize as Objective,
    valueOfTimeUsdPerH: valueOfTime,
    maxTransshipments,
    avoidCountries: list(flags.avoidCountry),
    avoid,
    modes: modes?.filter((m): m is Mode => (MODES as readonly string[]).includes(m)),
    date: flags.date ?? new Date().toISOString().slice(0, 10),
    unit: flags.unit,
    cargo: flags.cargo,
  };
  return { options, issues };
}

/** A JSON file, read within the limits; its mistakes are reported with their line. */
function readJsonFile(path: string, flag: string): unknown {
  return readDataFile(path, { format: 'json', option: flag }).parsed.data;
}

const days = (h: number) => num(h / 24, 1);

/** The plan as a forwarder's quote: the routes, then the best one leg by leg, its border indicators and its profile. */
export function formatPlan(
  model: NetworkModel,
  plan: RoutePlan,
  options: { all?: boolean; dateGiven?: boolean } = {},
): string {
  const name = (id: string) => model.nodes.find((n) => n.id === id)?.name ?? id;
  const unit = plan.unit.id === 't' ? 'tonne' : `${plan.unit.id.toUpperCase()} (${num(plan.unit.t, 0)} t)`;
  const perUnit = plan.unit.id === 't' ? 't' : plan.unit.id.toUpperCase();
  const waits =
    plan.waits.source === 'analytic'
      ? 'waits from the queue model (--waits for simulated ones)'
      : plan.waits.source === 'simulated'
        ? 'waits from the simulation'
        : 'waits from the simulation where given, else the queue model';
  const out: string[] = [
    `${name(plan.from)} → ${name(plan.to)}: per ${unit}, infrastructure as of ${plan.date ?? 'any date'}${options.dateGiven ? '' : ' (today; --date to change)'}, ${waits}`,
  ];
  const routes = options.all ? plan.pareto : plan.routes;
  if (routes.length === 0) {
    out.push('', 'No route under these constraints.');
    return out.join('\n');
  }
  const notes = exposureNotes(plan.pareto);
  const best = plan.best!;
  const word = OBJECTIVE_WORDS[plan.objective];
  out.push(
    '',
    `${options.all ? 'All Pareto-optimal routes' : 'Pareto-optimal routes, one per corridor'} (by ${word}; * = best):`,
    formatTable(
      [
        {
          header: '#',
          value: (x: { i: number; r: Route }) => `${x.i + 1}${x.r === best ? '*' : ''}`,
          align: 'right',
        },
        { header: 'route', value: (x) => x.r.label },
        { header: 'modes', value: (x) => x.r.modes.join('+') },
        { header: 'days', value: (x) => days(x.r.time_h.expected), align: 'right' },
        { header: 'P90_days', value: (x) => days(x.r.time_h.p90), align: 'right' },
        { header: `USD_per_${perUnit}`, value: (x) => num(x.r.cost_usd, 0), align: 'right' },
        { header: 'kg_CO2e', value: (x) => num(x.r.co2e_kg, 0), align: 'right' },
        { header: 'km', value: (x) => num(x.r.distance_km, 0), align: 'right' },
        { header: 'borders', value: (x) => x.r.borders, align: 'right' },
        {
          header: 'note',
          value: (x) => {
            const n = notes.get(x.r);
            return n === undefined ? '' : n.length > 0 ? `avoids ${n.join(', ')}` : 'dominated';
          },
        },
      ],
      routes.map((r, i) => ({ i, r })),
    ),
  );
  if (!options.all && plan.pareto.length > routes.length) {
    out.push(`(${plan.pareto.length} Pareto-optimal routes in all; --all lists them)`);
  }
  out.push('', `Best by ${word}: ${best.label}, via ${best.countries.map(countryName).join(' – ')}`);
  let cum = 0;
  out.push(
    formatTable(
      [
        { header: 'leg', value: (l: Route['legs'][number]) => l.name },
        {
          header: 'kind',
          value: (l) => (l.kind === 'transshipment' ? `${l.from_mode}→${l.mode}` : `${l.mode} ${l.kind}`),
        },
        { header: 'km', value: (l) => (l.distance_km > 0 ? num(l.distance_km, 0) : ''), align: 'right' },
        { header: 'wait_h', value: (l) => (l.wait_h > 0 ? num(l.wait_h, 1) : ''), align: 'right' },
        { header: 'hours', value: (l) => num(l.time_h, 1), align: 'right' },
        { header: 'USD', value: (l) => (l.cost_usd > 0 ? num(l.cost_usd, 0) : ''), align: 'right' },
        { header: 'kg_CO2e', value: (l) => (l.co2e_kg > 0 ? num(l.co2e_kg, 0) : ''), align: 'right' },
        {
          header: 'day',
          value: (l) => {
            cum += l.time_h;
            return days(cum);
          },
          align: 'right',
        },
      ],
      best.legs,
    ),
  );
  const cpmm = cpmmIndicators(model, best, plan.unit.t);
  if (cpmm.bcps.length > 0) {
    out.push(
      '',
      `Border crossing points (CAREC CPMM): TFI1 = time to clear, TFI2 = cost to clear, per ${perUnit}`,
      formatTable(
        [
          { header: 'crossing', value: (b: (typeof cpmm.bcps)[number]) => b.name },
          { header: 'border', value: (b) => b.border },
          { header: 'wait_h', value: (b) => num(b.wait_h, 1), align: 'right' },
          { header: 'clearance_h', value: (b) => num(b.clearance_h, 1), align: 'right' },
          { header: 'TFI1_h', value: (b) => num(b.tfi1_h, 1), align: 'right' },
          { header: 'TFI2_USD', value: (b) => num(b.tfi2_usd, 0), align: 'right' },
        ],
        cpmm.bcps,
      ),
    );
  }
  out.push(
    `Speed without delay (SWOD) ${num(cpmm.swod_kmh, 1)} km/h, with delay (SWD) ${num(cpmm.swd_kmh, 1)} km/h; delays ${days(cpmm.delay_h)} of ${days(cpmm.time_h)} days`,
  );
  const profile = timeCostDistance(best);
  out.push(
    '',
    'Time–distance profile (UNESCAP): B border, T transshipment, W wait for departure',
    profileChart(profile, { series: 'time' }),
    '',
    `Cost–distance profile, USD per ${perUnit}`,
    profileChart(profile, { series: 'cost' }),
  );
  const notesOut = [...plan.warnings];
  if (plan.waits.saturated.length > 0) {
    notesOut.push(
      `oversaturated crossings on these routes (waits from a one-week build-up): ${plan.waits.saturated.join(', ')}`,
    );
  }
  if (notesOut.length > 0) out.push('', ...notesOut.map((w) => `note: ${w}`));
  return out.join('\n');
}
