/**
 * `caravan overview`: the main job on a network — validate it, then answer the brief's headline
 * questions in one page: the corridors from Xi'an to Duisburg, and the year-by-year load on the
 * China–Kazakhstan rail crossings against their capacity.
 */
import type { Command } from 'commander';
import { networkInfo } from '../app/network-info.js';
import { demandMatrix } from '../flow/demand.js';
import { outlook } from '../flow/outlook.js';
import { DEFAULT_NETWORK, displayPath } from '../io/network-file.js';
import { formatIssue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { compileNetwork } from '../network/compile.js';
import { planRoutes } from '../route/plan.js';
import { formatNetworkInfo } from './network.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print } from './output.js';
import { formatTable, num } from './table.js';

/** The route the overview compares corridors on, when both places are in the network. */
const HEADLINE_ROUTE = { from: "Xi'an", to: 'Duisburg', date: '2026-06-01' } as const;

/** " with FILE, FILE" for the scenarios applied. */
function scenarioNote(scenario: string | readonly string[] | undefined): string {
  const list = scenario === undefined ? [] : typeof scenario === 'string' ? [scenario] : scenario;
  return list.length > 0 ? ` with ${list.map((s) => displayPath(s)).join(', ')}` : '';
}

export function registerOverview(program: Command): void {
  addNetworkOptions(
    program
      .command('overview')
      .description('validate a network and answer the headline questions on it: the main job'),
  ).action(async (opts: NetworkOptions) => {
    const { model, warnings } = loadNetworkOption(opts);
    const n = warnings.length;
    print(
      `Validated ${displayPath(opts.network ?? DEFAULT_NETWORK)}${scenarioNote(opts.scenario)}: no errors, ${n} warning${n === 1 ? '' : 's'}`,
    );
    for (const i of warnings) print(`  ${formatIssue(i)}`);
    print('');
    print(formatNetworkInfo(networkInfo(model)));
    print('');
    print(corridorComparison(model));
    print('');
    print(await railOutlook(model));
    print('');
    print(
      'Next: caravan route --from NAME --to NAME, caravan simulate, caravan assign, caravan resilience --remove country:RU, caravan outlook',
    );
  });
}

function corridorComparison(model: NetworkModel): string {
  const net = compileNetwork(model);
  const names = new Set(model.nodes.flatMap((n) => [n.id, n.name, ...(n.aliases ?? [])]));
  if (!names.has(HEADLINE_ROUTE.from) || !names.has(HEADLINE_ROUTE.to))
    return '(no Xi’an–Duisburg comparison: the network lacks one of them)';
  const plan = planRoutes(net, HEADLINE_ROUTE.from, HEADLINE_ROUTE.to, { date: HEADLINE_ROUTE.date });
  const unit = `${plan.unit.id.toUpperCase()} (${num(plan.unit.t)} t)`;
  return [
    `Corridors from ${HEADLINE_ROUTE.from} to ${HEADLINE_ROUTE.to}, per ${unit}, as of ${HEADLINE_ROUTE.date} (caravan route for the legs)`,
    formatTable(
      [
        { header: 'route', value: (r) => r.label },
        { header: 'days', value: (r) => num(r.time_h.expected / 24, 1), align: 'right' },
        { header: 'P90_days', value: (r) => num(r.time_h.p90 / 24, 1), align: 'right' },
        { header: `USD_per_${plan.unit.id.toUpperCase()}`, value: (r) => num(r.cost_usd), align: 'right' },
        { header: 'kg_CO2e', value: (r) => num(r.co2e_kg), align: 'right' },
        { header: 'km', value: (r) => num(r.distance_km), align: 'right' },
        { header: 'borders', value: (r) => r.borders },
      ],
      plan.routes,
    ),
  ].join('\n');
}

async function railOutlook(model: NetworkModel): Promise<string> {
  const demand = demandMatrix(model);
  if (demand.length === 0) return '(no outlook: the network has no demand)';
  const result = await outlook(compileNetwork(model), demand, {
    method: 'capacity',
    fromYear: 2024,
    toYear: 2032,
  });
  const border = (y: (typeof result.years)[number]) =>
    y.borders.find((b) => b.countries.join('-') === 'CN-KZ' && b.mode === 'rail');
  if (!result.years.some(border)) return '(no outlook: the network has no China–Kazakhstan rail border)';
  return [
    'China–Kazakhstan rail crossings, year by year (capacity assignment of the demand; caravan outlook for more)',
    formatTable(
      [
        { header: 'year', value: (y) => String(y.year) },
        {
          header: 'flow_Mt_per_year',
          value: (y) => num((border(y)?.flow_t_per_year ?? 0) / 1e6, 1),
          align: 'right',
        },
        {
          header: 'capacity_Mt_per_year',
          value: (y) => num((border(y)?.capacity_t_per_year ?? 0) / 1e6, 1),
          align: 'right',
        },
        { header: 'utilization_%', value: (y) => num(100 * (border(y)?.utilization ?? 0)), align: 'right' },
        { header: 'unserved_Mt_per_year', value: (y) => num(y.unserved_t_per_year / 1e6, 2), align: 'right' },
      ],
      result.years,
    ),
  ].join('\n');
}
