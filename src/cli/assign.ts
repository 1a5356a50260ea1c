/**
 * `caravan assign`: assign the origin–destination demand to the network, with congestion or hard
 * capacities; also the options and tables the flow commands share.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ASSIGNMENT_METHODS, type AssignmentMethodName, assignFlows } from '../flow/assignment.js';
import { bottlenecks } from '../flow/bottlenecks.js';
import { corridorFlows, dependencyTable } from '../flow/corridors.js';
import { demandMatrix, type OdDemand } from '../flow/demand.js';
import { parseDemandCsv } from '../flow/demand-csv.js';
import { demandInYear } from '../flow/demand-growth.js';
import { buildFlowGraph } from '../flow/flow-graph.js';
import { type ElementFlow, type FlowReport, flowReport } from '../flow/flow-report.js';
import { assessmentDate, DEFAULT_BASE_YEAR } from '../flow/outlook.js';
import { displayPath, readInputFile } from '../io/input-file.js';
import { InputError, issue } from '../model/issue.js';
import { checkDemandRows } from '../model/plausibility.js';
import { MODES, type Mode, type NetworkModel } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { type CompiledNetwork, compileNetwork, dayNumber } from '../network/compile.js';
import { addNetworkOptions, loadNetworkOption } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';

/** Options every flow command shares. */
export interface FlowCommandOptions {
  network?: string;
  scenario?: string;
  demand?: string;
  method?: string;
  valueOfTime?: string;
  modes?: string;
  json?: boolean;
}

export function addFlowOptions(cmd: Command, defaultMethod: AssignmentMethodName): Command {
  return addNetworkOptions(cmd)
    .option(
      '--demand <file>',
      "demand CSV: from,to,t_per_year[,cargo][,growth_per_year] (default: the network's demand)",
    )
    .option('--method <method>', `equilibrium (congestion) or capacity (hard capacities, LP)`, defaultMethod)
    .option(
      '--value-of-time <usd>',
      "value of time, USD per tonne-hour, for every mode (default: the network's modes)",
    )
    .option(
      '--modes <list>',
      "modes every demand may use, e.g. rail,ferry,sea, or all (default: each demand's own modes)",
    )
    .option('--json', 'print as JSON');
}

export interface FlowInputs {
  readonly model: NetworkModel;
  readonly net: CompiledNetwork;
  readonly demand: OdDemand[];
  readonly method: AssignmentMethodName;
  readonly valueOfTimeUsdPerTH?: number | undefined;
}

/** Reads the network and the demand and checks the shared options. */
export function readFlowInputs(opts: FlowCommandOptions): FlowInputs {
  const { model } = loadNetworkOption(opts);
  const method = parseMethod(opts.method ?? 'equilibrium');
  const valueOfTime =
    opts.valueOfTime === undefined ? undefined : parseNumber(opts.valueOfTime, '--value-of-time', { min: 0 });
  let demand: OdDemand[];
  if (opts.demand !== undefined) {
    const path = opts.demand;
    if (!existsSync(path)) {
      throw new InputError([
        { ...issue('file_not_found', '--demand', 'no such file: check the path'), file: displayPath(path) },
      ]);
    }
    demand = parseDemandCsv(readInputFile(path, { option: '--demand' }), displayPath(path), model);
    checkDemandRows(demand, '--demand');
  } else demand = demandMatrix(model);
  if (demand.length === 0) {
    throw new InputError([
      issue(
        'missing_quantity',
        opts.demand !== undefined ? '--demand' : 'demand',
        'there is no demand to assign: add a `demand` section to the network or pass --demand FILE',
      ),
    ]);
  }
  if (opts.modes !== undefined) {
    const modes = parseModes(opts.modes);
    demand = demand.map((d) => ({ ...d, modes }));
  }
  return { model, net: compileNetwork(model), demand, method, valueOfTimeUsdPerTH: valueOfTime };
}

/** `--modes`: a comma-separated list of modes, or `all` (undefined: no restriction). */
export function parseModes(text: string): Mode[] | undefined {
  if (text.trim().toLowerCase() === 'all') return undefined;
  const out: Mode[] = [];
  for (const part of text.split(',').map((p) => p.trim().toLowerCase())) {
    if (!(MODES as readonly string[]).includes(part)) {
      throw new InputError([
        issue(
          'invalid_option',
          '--modes',
          `unknown mode "${part}"${didYouMean(part, MODES)}: use a comma-separated list of ${MODES.join(', ')}, or all`,
        ),
      ]);
    }
    out.push(part as Mode);
  }
  return out;
}

export function parseMethod(text: string): AssignmentMethodName {
  if ((ASSIGNMENT_METHODS as readonly string[]).includes(text)) return text as AssignmentMethodName;
  throw new InputError([
    issue(
      'invalid_option',
      '--method',
      `unknown method "${text}"${didYouMean(text, ASSIGNMENT_METHODS)}: use ${ASSIGNMENT_METHODS.join(' or ')}`,
    ),
  ]);
}

export function parseNumber(
  text: string,
  option: string,
  limits: { min?: number; max?: number } = {},
): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x)) {
    throw new InputError([issue('invalid_option', option, `"${text}" is not a number`)]);
  }
  if ((limits.min !== undefined && x < limits.min) || (limits.max !== undefined && x > limits.max)) {
    throw new InputError([
      issue('invalid_option', option, `${x} is outside ${limits.min ?? '-∞'} … ${limits.max ?? '∞'}`),
    ]);
  }
  return x;
}

export function parseYear(text: string, option: string): number {
  const y = parseNumber(text, option, { min: 1900, max: 2200 });
  if (!Number.isInteger(y)) throw new InputError([issue('invalid_option', option, `${y} is not a year`)]);
  return y;
}

export function registerAssign(program: Command): void {
  addFlowOptions(
    program
      .command('assign')
      .description('assign the origin–destination demand: flows, capacities, bottlenecks, unserved demand'),
    'equilibrium',
  )
    .option(
      '--year <year>',
      'network as of 1 July of this year, demand grown to it',
      String(DEFAULT_BASE_YEAR),
    )
    .option('--max-gap <gap>', 'equilibrium: stop at this relative gap', '1e-4')
    .action(async (opts: FlowCommandOptions & { year: string; maxGap: string }) => {
      const inputs = readFlowInputs(opts);
      const year = parseYear(opts.year, '--year');
      const maxGap = parseNumber(opts.maxGap, '--max-gap', { min: 1e-12, max: 1 });
      const date = assessmentDate(year);
      // The network as its dated changes leave it that day, as route waits read it.
      const graph = buildFlowGraph(compileNetwork(inputs.model, { date }), {
        day: dayNumber(date),
        valueOfTimeUsdPerTH: inputs.valueOfTimeUsdPerTH,
      });
      const demand = demandInYear(inputs.demand, year, { baseYear: DEFAULT_BASE_YEAR });
      const started = performance.now();
      const as = await assignFlows(graph, demand, { method: inputs.method, maxGap });
      const elapsedMs = performance.now() - started;
      const report = flowReport(as);
      const result = {
        ...assignmentJson(report, date),
        elapsed_ms: elapsedMs,
        bottlenecks: bottlenecks(report),
        corridors: corridorFlows(as),
        dependency: dependencyTable(as),
      };
      if (opts.json) printJson(result);
      else {
        print(formatAssignmentHeader(report, inputs.model, date, elapsedMs));
        print('');
        print(formatElements(report));
        print('');
        print(formatBottlenecks(result.bottlenecks, report.summary.method));
        print('');
        print(formatOd(report));
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
    });
}

/** The JSON of an assignment: elements, unserved demand, cost and gap. */
export function assignmentJson(report: FlowReport, date: string) {
  const s = report.summary;
  return {
    method: s.method,
    date,
    links: report.links,
    crossings: report.crossings,
    services: report.services,
    od: report.od,
    demand_t_per_year: s.demand_t_per_year,
    served_t_per_year: s.served_t_per_year,
    unserved_t_per_year: s.unserved_t_per_year,
    total_cost_usd: s.total_cost_usd,
    money_cost_usd: s.money_cost_usd,
    mean_cost_usd_per_t: s.mean_cost_usd_per_t,
    mean_time_h: s.mean_time_h,
    gap: s.gap,
    iterations: s.iterations,
    converged: s.converged,
  };
}

export function formatAssignmentHeader(
  report: FlowReport,
  model: NetworkModel,
  date: string,
  elapsedMs?: number,
): string {
  const s = report.summary;
  const how =
    s.method === 'equilibrium'
      ? `relative gap ${s.gap.toExponential(2)} after ${s.iterations} rounds (path-based gradient projection under capacities, else biconjugate Frank–Wolfe)${s.converged ? '' : ' (not converged)'}`
      : `optimal after ${s.iterations} column-generation rounds (HiGHS)${s.converged ? '' : ' (round limit reached)'}`;
  return [
    `Flow assignment (${s.method}) on ${model.name ?? 'the network'}, network as of ${date}`,
    `  demand ${num(s.demand_t_per_year / 1e6, 2)} Mt/yr, served ${num(s.served_t_per_year / 1e6, 2)} Mt/yr, unserved ${num(s.unserved_t_per_year / 1e6, 2)} Mt/yr`,
    `  generalized cost ${num(s.total_cost_usd / 1e9, 2)} bn USD/yr (money ${num(s.money_cost_usd / 1e9, 2)} bn), mean ${s.mean_cost_usd_per_t === null ? '–' : num(s.mean_cost_usd_per_t, 0)} USD/t and ${s.mean_time_h === null ? '–' : num(s.mean_time_h / 24, 1)} days door to door`,
    `  ${how}${elapsedMs !== undefined ? `, ${num(elapsedMs, 0)} ms` : ''}`,
  ].join('\n');
}

function priceHeader(method: AssignmentMethodName): string {
  return method === 'capacity' ? 'shadow_price_usd_per_t' : 'congestion_toll_usd_per_t';
}

function price(r: ElementFlow): number {
  return r.shadow_price_usd_per_t ?? r.congestion_toll_usd_per_t ?? 0;
}

export function elementColumns(method: AssignmentMethodName) {
  return [
    { header: 'id', value: (r: ElementFlow) => r.id },
    { header: 'mode', value: (r: ElementFlow) => r.mode },
    { header: 'from → to', value: (r: ElementFlow) => `${r.from} → ${r.to}` },
    {
      header: 'flow_Mt_per_year',
      value: (r: ElementFlow) => num(r.flow_t_per_year / 1e6, 2),
      align: 'right' as const,
    },
    {
      header: 'capacity_Mt_per_year',
      value: (r: ElementFlow) => (r.capacity_t_per_year === null ? '–' : num(r.capacity_t_per_year / 1e6, 2)),
      align: 'right' as const,
    },
    {
      header: 'utilization_pct',
      value: (r: ElementFlow) => (r.utilization === null ? '–' : num(r.utilization * 100, 1)),
      align: 'right' as const,
    },
    ...(method === 'equilibrium'
      ? [{ header: 'delay_h', value: (r: ElementFlow) => num(r.delay_h, 1), align: 'right' as const }]
      : []),
    { header: priceHeader(method), value: (r: ElementFlow) => num(price(r), 2), align: 'right' as const },
  ];
}

export function formatElements(report: FlowReport): string {
  const method = report.summary.method;
  const cols = elementColumns(method);
  const loaded = (rows: ElementFlow[]) =>
    rows
      .filter((r) => r.flow_t_per_year > 0 || r.capacity_t_per_year !== null)
      .sort((a, b) => (b.utilization ?? -1) - (a.utilization ?? -1) || b.flow_t_per_year - a.flow_t_per_year);
  const parts = ['Border crossings', formatTable(cols, loaded(report.crossings))];
  const services = loaded(report.services);
  if (services.length > 0) parts.push('', 'Services (ferries, shipping)', formatTable(cols, services));
  const links = loaded(report.links).filter((r) => r.flow_t_per_year > 0);
  if (links.length > 0) parts.push('', 'Links with flow', formatTable(cols, links));
  return parts.join('\n');
}

export function formatBottlenecks(b: ReturnType<typeof bottlenecks>, method: AssignmentMethodName): string {
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

export function formatOd(report: FlowReport): string {
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
      report.od,
    ),
  ].join('\n');
}
