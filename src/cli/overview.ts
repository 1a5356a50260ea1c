/**
 * `caravan overview`: the main job on a network — validate it, then answer the brief's headline
 * questions in one page: the corridors from Xi'an to Duisburg, and the year-by-year load on the
 * China–Kazakhstan rail crossings against their capacity.
 */
import type { Command } from 'commander';
import { type OverviewResult, overviewUseCase } from '../app/overview.js';
import { DEFAULT_NETWORK, displayPath } from '../io/network-file.js';
import { formatIssue } from '../model/issue.js';
import { formatNetworkInfo } from './network.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print } from './output.js';
import { formatTable, num } from './table.js';

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
    const { model, warnings } = await loadNetworkOption(opts);
    const n = warnings.length;
    print(
      `Validated ${displayPath(opts.network ?? DEFAULT_NETWORK)}${scenarioNote(opts.scenario)}: no errors, ${n} warning${n === 1 ? '' : 's'}`,
    );
    for (const i of warnings) print(`  ${formatIssue(i)}`);
    const r = await overviewUseCase.run(model, {}, {});
    print('');
    print(formatNetworkInfo(r.network));
    print('');
    print(corridorComparison(r));
    print('');
    print(railOutlook(r));
    print('');
    print(
      'Next: caravan route --from NAME --to NAME, caravan simulate, caravan assign, caravan resilience --remove country:RU, caravan outlook',
    );
  });
}

function corridorComparison(r: OverviewResult): string {
  const c = r.corridors;
  if (c === null) return `(no Xi’an–Duisburg comparison: ${r.notes.corridors})`;
  const unit = `${c.unit.id.toUpperCase()} (${num(c.unit.t)} t)`;
  return [
    `Corridors from ${c.from} to ${c.to}, per ${unit}, as of ${c.date} (caravan route for the legs)`,
    formatTable(
      [
        { header: 'route', value: (x) => x.label },
        { header: 'days', value: (x) => num(x.time_h.expected / 24, 1), align: 'right' },
        { header: 'P90_days', value: (x) => num(x.time_h.p90 / 24, 1), align: 'right' },
        { header: `USD_per_${c.unit.id.toUpperCase()}`, value: (x) => num(x.cost_usd), align: 'right' },
        { header: 'kg_CO2e', value: (x) => num(x.co2e_kg), align: 'right' },
        { header: 'km', value: (x) => num(x.distance_km), align: 'right' },
        { header: 'borders', value: (x) => x.borders },
      ],
      c.routes,
    ),
  ].join('\n');
}

function railOutlook(r: OverviewResult): string {
  if (r.rail_outlook === null) return `(no outlook: ${r.notes.rail_outlook})`;
  return [
    'China–Kazakhstan rail crossings, year by year (capacity assignment of the demand; caravan outlook for more)',
    formatTable(
      [
        { header: 'year', value: (y) => String(y.year) },
        { header: 'flow_Mt_per_year', value: (y) => num(y.flow_t_per_year / 1e6, 1), align: 'right' },
        { header: 'capacity_Mt_per_year', value: (y) => num(y.capacity_t_per_year / 1e6, 1), align: 'right' },
        { header: 'utilization_%', value: (y) => num(100 * y.utilization), align: 'right' },
        { header: 'unserved_Mt_per_year', value: (y) => num(y.unserved_t_per_year / 1e6, 2), align: 'right' },
      ],
      r.rail_outlook,
    ),
  ].join('\n');
}
