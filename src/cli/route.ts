/** `caravan route`: door-to-door routes between two places, the Pareto trade-offs and the best one leg by leg. */
import type { Command } from 'commander';
import { type RouteResult, routeUseCase } from '../app/route.js';
import { RATIONED_UTILIZATION } from '../flow/loaded-state.js';
import { profileChart } from '../indicators/profile-chart.js';
import type { ProfilePoint } from '../indicators/time-cost-distance.js';
import { countryName } from '../model/country.js';
import type { NetworkModel } from '../model/schema.js';
import type { Objective } from '../route/objective.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';
import { addUseCaseFlags, type FlagSpecs, optionsFromFlags, runWithFlags } from './use-case-flags.js';

const FLAGS: FlagSpecs = {
  from: { arg: '<name>' },
  to: { arg: '<name>' },
  optimize: { arg: '<objective>' },
  valueOfTimeUsdPerH: { flag: 'value-of-time', arg: '<usd_per_h>' },
  avoidCountries: { flag: 'avoid-country', arg: '<codes>' },
  avoid: {
    arg: '<ids>',
    help: 'nodes, crossings, services or links not to use (ids or names, comma-separated)',
  },
  modes: { arg: '<modes>' },
  date: { arg: '<yyyy-mm-dd>' },
  unit: { arg: '<unit>' },
  maxTransshipments: { arg: '<n>' },
  cargo: { arg: '<type>' },
  waits: { flag: 'waits' },
  round: false,
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
  const command = program.command('route').description(routeUseCase.summary);
  addUseCaseFlags(command, routeUseCase, FLAGS);
  command.option(
    '--waits <file>',
    'crossing waits from `caravan simulate --json` instead of the queue model',
  );
  addNetworkOptions(command)
    .option('--json', 'print as JSON')
    .action(async (flags: NetworkOptions & { waits?: string; date?: string; json?: boolean }) => {
      // a route shows no provenance: the embedded network may come without it (parsed 3× faster)
      const { model } = await loadNetworkOption(flags, { provenance: false });
      // Text is formatted from full precision; --json prints the figures rounded.
      const extra = {
        round: flags.json === true,
        ...(flags.waits !== undefined ? { waits: await readJsonFile(flags.waits, '--waits') } : {}),
      };
      const options = optionsFromFlags(routeUseCase, model, flags, FLAGS, extra);
      const result = await runWithFlags(routeUseCase, model, options, FLAGS);
      if (flags.json) printJson(result);
      else print(formatPlan(model, result, { all: options.all, dateGiven: flags.date !== undefined }));
    });
}

/** A JSON file, read within the limits; its mistakes are reported with their line. */
async function readJsonFile(path: string, flag: string): Promise<unknown> {
  const { readDataFile } = await import('../io/data-file.js');
  return readDataFile(path, { format: 'json', option: flag }).parsed.data;
}

type RouteJson = RouteResult['routes'][number];

const v = (x: number | null): number => x ?? Number.NaN;
const days = (h: number | null) => num(v(h) / 24, 1);

/** The plan as a forwarder's quote: the routes, then the best one leg by leg, its border indicators and its profile. */
export function formatPlan(
  model: NetworkModel,
  plan: RouteResult,
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
    `${name(plan.from)} → ${name(plan.to)}: per ${unit}, infrastructure as of ${plan.date ?? 'any date'}${options.dateGiven ? '' : ' (the default day; --date to change)'}, ${waits}`,
  ];
  const routes = plan.routes;
  const best = plan.best === null ? undefined : routes[plan.best];
  if (routes.length === 0 || best === undefined) {
    out.push('', 'No route under these constraints.');
    return out.join('\n');
  }
  const word = OBJECTIVE_WORDS[plan.objective];
  out.push(
    '',
    `${options.all ? 'All Pareto-optimal routes' : 'Pareto-optimal routes, one per corridor'} (by ${word}; * = best):`,
    formatTable(
      [
        {
          header: '#',
          value: (x: { i: number; r: RouteJson }) => `${x.i + 1}${x.r === best ? '*' : ''}`,
          align: 'right',
        },
        { header: 'route', value: (x) => x.r.label },
        { header: 'modes', value: (x) => x.r.modes.join('+') },
        { header: 'days', value: (x) => days(x.r.time_h.expected), align: 'right' },
        { header: 'P90_days', value: (x) => days(x.r.time_h.p90), align: 'right' },
        { header: `USD_per_${perUnit}`, value: (x) => num(v(x.r.cost_usd), 0), align: 'right' },
        { header: 'kg_CO2e', value: (x) => num(v(x.r.co2e_kg), 0), align: 'right' },
        { header: 'km', value: (x) => num(v(x.r.distance_km), 0), align: 'right' },
        { header: 'borders', value: (x) => x.r.borders, align: 'right' },
        {
          header: 'note',
          value: (x) =>
            x.r.efficient
              ? ''
              : (x.r.avoids ?? []).length > 0
                ? `avoids ${x.r.avoids!.join(', ')}`
                : 'dominated',
        },
      ],
      routes.map((r, i) => ({ i, r })),
    ),
  );
  if (!options.all && plan.pareto_count > routes.length) {
    out.push(`(${plan.pareto_count} Pareto-optimal routes in all; --all lists them)`);
  }
  out.push('', `Best by ${word}: ${best.label}, via ${best.countries.map(countryName).join(' – ')}`);
  let cum = 0;
  out.push(
    formatTable(
      [
        { header: 'leg', value: (l: RouteJson['legs'][number]) => l.name },
        {
          header: 'kind',
          value: (l) => (l.kind === 'transshipment' ? `${l.from_mode}→${l.mode}` : `${l.mode} ${l.kind}`),
        },
        {
          header: 'km',
          value: (l) => (v(l.distance_km) > 0 ? num(v(l.distance_km), 0) : ''),
          align: 'right',
        },
        { header: 'wait_h', value: (l) => (v(l.wait_h) > 0 ? num(v(l.wait_h), 1) : ''), align: 'right' },
        { header: 'hours', value: (l) => num(v(l.time_h), 1), align: 'right' },
        { header: 'USD', value: (l) => (v(l.cost_usd) > 0 ? num(v(l.cost_usd), 0) : ''), align: 'right' },
        { header: 'kg_CO2e', value: (l) => (v(l.co2e_kg) > 0 ? num(v(l.co2e_kg), 0) : ''), align: 'right' },
        {
          header: 'day',
          value: (l) => {
            cum += v(l.time_h);
            return days(cum);
          },
          align: 'right',
        },
      ],
      best.legs,
    ),
  );
  const cpmm = best.indicators;
  if (cpmm.bcps.length > 0) {
    out.push(
      '',
      `Border crossing points (CAREC CPMM): TFI1 = time to clear, TFI2 = cost to clear, per ${perUnit}`,
      formatTable(
        [
          { header: 'crossing', value: (b: (typeof cpmm.bcps)[number]) => b.name },
          { header: 'border', value: (b) => b.border },
          { header: 'wait_h', value: (b) => num(v(b.wait_h), 1), align: 'right' },
          { header: 'clearance_h', value: (b) => num(v(b.clearance_h), 1), align: 'right' },
          { header: 'TFI1_h', value: (b) => num(v(b.tfi1_h), 1), align: 'right' },
          { header: 'TFI2_USD', value: (b) => num(v(b.tfi2_usd), 0), align: 'right' },
        ],
        cpmm.bcps,
      ),
    );
  }
  out.push(
    `Speed without delay (SWOD) ${num(v(cpmm.swod_kmh), 1)} km/h, with delay (SWD) ${num(v(cpmm.swd_kmh), 1)} km/h; delays ${days(cpmm.delay_h)} of ${days(best.time_h.expected)} days`,
  );
  const profile = best.profile.map(
    (p): ProfilePoint => ({
      ...p,
      distance_km: v(p.distance_km),
      time_h: v(p.time_h),
      cost_usd: v(p.cost_usd),
    }),
  );
  out.push(
    '',
    'Time–distance profile (UNESCAP): B border, T transshipment, W wait for departure',
    profileChart(profile, { series: 'time' }),
    '',
    `Cost–distance profile, USD per ${perUnit}`,
    profileChart(profile, { series: 'cost' }),
  );
  const notesOut = [...plan.warnings];
  if (plan.waits.rationed.length > 0) {
    notesOut.push(
      `at ${num(RATIONED_UTILIZATION * 100)} % of capacity or more in the loaded network (${plan.waits.rationed.join(', ')}): ` +
        'the wait there is the one at which the freight left unserved would rather not go, a ration, not a forecast of the queue ' +
        '(caravan simulate runs the queue itself; --waits FILE takes its waits from `caravan simulate --json`)',
    );
  }
  if (plan.waits.shared_rations.length > 0) {
    const rations = plan.waits.shared_rations.map(
      (x) =>
        `${x.id} (${num((x.utilization ?? 0) * 100, 1)} %, a ration of ${num(x.delay_h ?? Number.NaN, 0)} h)`,
    );
    notesOut.push(
      `the loaded network fills the capacity both directions share to ${num(RATIONED_UTILIZATION * 100)} % or more at ` +
        `${rations.join(', ')}: \`caravan assign\` adds that ration to every tonne through it, in either direction; ` +
        "the times above leave it out (they hold each direction's own wait)",
    );
  }
  if (plan.waits.saturated.length > 0) {
    notesOut.push(
      `oversaturated crossings on these routes (waits from a one-week build-up): ${plan.waits.saturated.join(', ')}`,
    );
  }
  if (notesOut.length > 0) out.push('', ...notesOut.map((w) => `note: ${w}`));
  return out.join('\n');
}
