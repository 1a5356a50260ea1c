/**
 * `caravan assign`: assign the origin–destination demand to the network, with congestion or hard
 * capacities; also the options and tables the flow commands share.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Assignment, assignUseCase } from '../app/assign.js';
import type { AnyUseCase, Model } from '../app/use-case.js';
import type { AssignmentMethodName } from '../flow/assignment.js';
import type { Bottlenecks } from '../flow/bottlenecks.js';
import type { DirectionFlow, ElementFlow, OdFlow } from '../flow/flow-report.js';
import { isRationed, RATIONED_UTILIZATION } from '../flow/loaded-state.js';
import { displayPath, readInputFile } from '../io/input-file.js';
import { InputError, issue } from '../model/issue.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';
import { addUseCaseFlags, type FlagSpecs, optionsFromFlags, runWithFlags } from './use-case-flags.js';

/** The flags of the options every flow command shares. */
export const FLOW_FLAGS: FlagSpecs = {
  demand: { flag: 'demand' },
  method: { arg: '<method>' },
  valueOfTimeUsdPerTH: { flag: 'value-of-time', arg: '<usd>' },
  modes: { arg: '<list>' },
};

/** A flow command: the network options, `--demand FILE`, then the use case's own flags. */
export function addFlowFlags(command: Command, useCase: AnyUseCase, specs: FlagSpecs): Command {
  addNetworkOptions(command).option(
    '--demand <file>',
    "demand CSV: from,to,t_per_year[,cargo][,growth_per_year] (default: the network's demand)",
  );
  return addUseCaseFlags(command, useCase, specs).option('--json', 'print as JSON');
}

/** `--demand FILE` read into the option, or nothing. */
export function demandOption(path: string | undefined): { demand?: { text: string; file: string } } {
  if (path === undefined) return {};
  if (!existsSync(path)) {
    throw new InputError([
      { ...issue('file_not_found', '--demand', 'no such file: check the path'), file: displayPath(path) },
    ]);
  }
  return { demand: { text: readInputFile(path, { option: '--demand' }), file: displayPath(path) } };
}

const FLAGS: FlagSpecs = { ...FLOW_FLAGS, year: { arg: '<year>' }, maxGap: { arg: '<gap>' } };

export function registerAssign(program: Command): void {
  const command = program.command('assign').description(assignUseCase.summary);
  addFlowFlags(command, assignUseCase, FLAGS).action(
    async (opts: NetworkOptions & { demand?: string; json?: boolean }) => {
      const { model } = await loadNetworkOption(opts);
      const options = optionsFromFlags(assignUseCase, model, opts, FLAGS, demandOption(opts.demand));
      const result = await runWithFlags(assignUseCase, model, options, FLAGS);
      if (opts.json) printJson(result);
      else {
        print(formatAssignmentHeader(result, model, result.elapsed_ms));
        print('');
        print(formatElements(result));
        print('');
        print(formatBottlenecks(result.bottlenecks, result.method));
        print('');
        print(formatOd(result.od));
        print('');
        print('Tonnage by corridor');
        print(
          formatTable(
            [
              { header: 'corridor', value: (r) => r.corridor },
              { header: 'flow_Mt_per_year', value: (r) => num(r.flow_t_per_year / 1e6, 2), align: 'right' },
            ],
            result.corridors,
          ),
        );
      }
    },
  );
}

export function formatAssignmentHeader(s: Assignment, model: Model, elapsedMs?: number): string {
  const how =
    s.method === 'equilibrium'
      ? `relative gap ${s.gap.toExponential(2)} after ${s.iterations} rounds (path-based projected Newton under capacities, else biconjugate Frank–Wolfe)${s.converged ? '' : ' (not converged)'}`
      : `optimal after ${s.iterations} column-generation rounds (HiGHS)${s.converged ? '' : ' (round limit reached)'}`;
  return [
    `Flow assignment (${s.method}) on ${model.name ?? 'the network'}, network as of ${s.date}`,
    `  demand ${num(s.demand_t_per_year / 1e6, 2)} Mt/yr, served ${num(s.served_t_per_year / 1e6, 2)} Mt/yr, unserved ${num(s.unserved_t_per_year / 1e6, 2)} Mt/yr`,
    `  generalized cost ${num(s.total_cost_usd / 1e9, 2)} bn USD/yr (money ${num(s.money_cost_usd / 1e9, 2)} bn), mean ${s.mean_cost_usd_per_t === null ? '–' : num(s.mean_cost_usd_per_t, 0)} USD/t and ${s.mean_time_h === null ? '–' : num(s.mean_time_h / 24, 1)} days door to door`,
    `  ${how}${elapsedMs !== undefined ? `, ${num(elapsedMs, 0)} ms` : ''}`,
  ].join('\n');
}

function priceHeader(method: AssignmentMethodName): string {
  return method === 'capacity' ? 'shadow_price_usd_per_t' : 'congestion_toll_usd_per_t';
}

/**
 * A row of the element tables: one direction of an element, or the capacity both directions share
 * (`from ↔ to`), each with its own flow, capacity and utilization, so that a row never names one
 * direction and shows the figures of two (the element's totals are in the JSON).
 */
type ElementRow = Pick<
  DirectionFlow,
  | 'flow_t_per_year'
  | 'capacity_t_per_year'
  | 'utilization'
  | 'delay_h'
  | 'shadow_price_usd_per_t'
  | 'congestion_toll_usd_per_t'
> & { readonly id: string; readonly mode: string; readonly way: string };

/**
 * The rows of an element: each direction that carries flow (the busier first), or its own direction
 * when none does, so that its capacity shows; then the capacity both directions share, if it has one.
 */
function elementRows(e: ElementFlow): ElementRow[] {
  const rows = Object.entries(e.directions).map(([key, d]): ElementRow => {
    const forward = key === `${e.from}->${e.to}`;
    return { ...d, id: e.id, mode: e.mode, way: forward ? `${e.from} → ${e.to}` : `${e.to} → ${e.from}` };
  });
  const used = rows.filter((r) => r.flow_t_per_year > 0);
  const shown =
    used.length > 0 ? used.sort((a, b) => b.flow_t_per_year - a.flow_t_per_year) : rows.slice(0, 1);
  if (e.shared === null) return shown;
  return [...shown, { ...e.shared, id: e.id, mode: e.mode, way: `${e.from} ↔ ${e.to}` }];
}

function price(r: ElementRow): number {
  return r.shadow_price_usd_per_t ?? r.congestion_toll_usd_per_t ?? 0;
}

function elementColumns(method: AssignmentMethodName) {
  return [
    { header: 'id', value: (r: ElementRow) => r.id },
    { header: 'mode', value: (r: ElementRow) => r.mode },
    { header: 'from → to (↔ both ways)', value: (r: ElementRow) => r.way },
    {
      header: 'flow_Mt_per_year',
      value: (r: ElementRow) => num(r.flow_t_per_year / 1e6, 2),
      align: 'right' as const,
    },
    {
      header: 'capacity_Mt_per_year',
      value: (r: ElementRow) => (r.capacity_t_per_year === null ? '–' : num(r.capacity_t_per_year / 1e6, 2)),
      align: 'right' as const,
    },
    {
      header: 'utilization_pct',
      value: (r: ElementRow) => (r.utilization === null ? '–' : num(r.utilization * 100, 1)),
      align: 'right' as const,
    },
    ...(method === 'equilibrium'
      ? [{ header: 'delay_h', value: (r: ElementRow) => num(r.delay_h, 1), align: 'right' as const }]
      : []),
    { header: priceHeader(method), value: (r: ElementRow) => num(price(r), 2), align: 'right' as const },
  ];
}

/**
 * The crossings, services and links with flow or a capacity, busiest first, each as its directions
 * and the capacity they share ({@link elementRows}).
 */
export function formatElements(report: Assignment): string {
  const cols = elementColumns(report.method);
  const loaded = (elements: readonly ElementFlow[]) =>
    elements
      .filter((e) => e.flow_t_per_year > 0 || e.capacity_t_per_year !== null)
      .sort((a, b) => (b.utilization ?? -1) - (a.utilization ?? -1) || b.flow_t_per_year - a.flow_t_per_year)
      .flatMap(elementRows);
  const parts = ['Border crossings', formatTable(cols, loaded(report.crossings))];
  const services = loaded(report.services);
  if (services.length > 0) parts.push('', 'Services (ferries, shipping)', formatTable(cols, services));
  const links = loaded(report.links.filter((e) => e.flow_t_per_year > 0));
  if (links.length > 0) parts.push('', 'Links with flow', formatTable(cols, links));
  if (report.method === 'equilibrium')
    parts.push('', ...delayNotes([...report.crossings, ...report.services]));
  return parts.join('\n');
}

/**
 * What an equilibrium's `delay_h` is, since `route` and `simulate` give other hours for the same
 * crossing and direction: a direction's queue above its wait with no load (route's wait adds that
 * one); a barrier on a shared capacity, a service or a link; and, near a capacity, the ration the
 * equilibrium sets rather than a forecast of the queue (the second line only when a row is there).
 */
function delayNotes(elements: readonly ElementFlow[]): string[] {
  const notes = [
    "note: delay_h at a crossing's direction is the wait its queue adds at that flow over its wait with no load " +
      "(route's wait there adds that one, the wait for opening hours); on a ↔ row, a service or a link, " +
      'and under a declared capacity below what the lanes clear, it is a barrier, ρ/(1 − ρ) hours, that keeps ' +
      "the flow within the capacity: a cost on the paths through it, not a wait (route and simulate wait at each direction's queue and for each departure)",
  ];
  const rationed = elements.filter((e) =>
    [...Object.values(e.directions), ...(e.shared ? [e.shared] : [])].some((d) => isRationed(d.utilization)),
  );
  if (rationed.length > 0) {
    notes.push(
      `note: at ${num(RATIONED_UTILIZATION * 100)} % of a capacity or more (${rationed.map((e) => e.id).join(', ')}), a delay is the one ` +
        'at which the freight left unserved would rather not go: the equilibrium rations by it, it does not forecast a queue, ' +
        'and the congestion toll, load × its slope, grows without bound there ' +
        '(caravan simulate runs the queue itself, over a finite run, with its drivers’ balking and e-queue)',
    );
  }
  return notes;
}

export function formatBottlenecks(b: Bottlenecks, method: AssignmentMethodName): string {
  const cols = [
    { header: 'kind', value: (r: (typeof b.by_utilization)[number]) => r.kind },
    { header: 'id', value: (r: (typeof b.by_utilization)[number]) => r.id },
    {
      header: 'utilization_pct',
      value: (r: (typeof b.by_utilization)[number]) => num(r.utilization * 100, 1),
      align: 'right' as const,
    },
    {
      header: priceHeader(method),
      value: (r: (typeof b.by_utilization)[number]) => num(r.price_usd_per_t, 2),
      align: 'right' as const,
    },
    ...(method === 'capacity'
      ? [
          {
            header: 'value_of_1Mt_MUSD_per_year',
            value: (r: (typeof b.by_utilization)[number]) => num(r.value_of_1mt_usd_per_year / 1e6, 1),
            align: 'right' as const,
          },
        ]
      : []),
  ];
  const parts = ['Bottlenecks by utilization', formatTable(cols, b.by_utilization)];
  parts.push(
    '',
    method === 'capacity' ? 'Bottlenecks by shadow price' : 'Bottlenecks by marginal congestion toll',
    b.by_shadow_price.length > 0 ? formatTable(cols, b.by_shadow_price) : '(no capacity is binding)',
  );
  return parts.join('\n');
}

export function formatOd(od: readonly OdFlow[]): string {
  return [
    'Demand by origin–destination',
    formatTable(
      [
        { header: 'id', value: (r) => r.id },
        { header: 'cargo', value: (r) => r.cargo },
        { header: 'demand_Mt_per_year', value: (r) => num(r.demand_t_per_year / 1e6, 2), align: 'right' },
        { header: 'served_Mt_per_year', value: (r) => num(r.served_t_per_year / 1e6, 2), align: 'right' },
        { header: 'unserved_Mt_per_year', value: (r) => num(r.unserved_t_per_year / 1e6, 2), align: 'right' },
        {
          header: 'cost_usd_per_t',
          value: (r) => (r.cost_usd_per_t === null ? '–' : num(r.cost_usd_per_t, 0)),
          align: 'right',
        },
        {
          header: 'time_days',
          value: (r) => (r.time_h === null ? '–' : num(r.time_h / 24, 1)),
          align: 'right',
        },
      ],
      od,
    ),
  ].join('\n');
}
