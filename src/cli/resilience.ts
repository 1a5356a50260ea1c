/**
 * `caravan resilience --remove KIND:ID …`: take countries, crossings, links or nodes out; report
 * what is diverted, what it costs and what is lost, and each flow's dependency on transit countries.
 */
import type { Command } from 'commander';
import { resilienceUseCase } from '../app/resilience.js';
import { addFlowFlags, demandOption, FLOW_FLAGS, formatAssignmentHeader } from './assign.js';
import type { NetworkOptions } from './network-option.js';
import { loadNetworkOption } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';
import { type FlagSpecs, optionsFromFlags, runWithFlags } from './use-case-flags.js';

const FLAGS: FlagSpecs = {
  ...FLOW_FLAGS,
  remove: { arg: '<kind:id...>', variadic: true, optional: true },
  year: { arg: '<year>' },
};

export function registerResilience(program: Command): void {
  const command = program.command('resilience').description(resilienceUseCase.summary);
  addFlowFlags(command, resilienceUseCase, FLAGS).action(
    async (opts: NetworkOptions & { demand?: string; remove?: string[]; json?: boolean }) => {
      const { model } = await loadNetworkOption(opts);
      const options = optionsFromFlags(resilienceUseCase, model, opts, FLAGS, {
        remove: opts.remove ?? [],
        ...demandOption(opts.demand),
      });
      const r = await runWithFlags(resilienceUseCase, model, options, FLAGS);
      if (opts.json) {
        printJson(r);
        return;
      }
      const date = r.date;
      const d = r.differences;
      const signed = (x: number, decimals: number) => `${x >= 0 ? '+' : ''}${num(x, decimals)}`;
      print(`Resilience: removing ${r.removed.join(', ')} (${r.baseline.method}, network as of ${date})`);
      print('');
      print('Baseline');
      print(formatAssignmentHeader(r.baseline, model));
      print('');
      print('With the removal');
      print(formatAssignmentHeader(r, model));
      print('');
      print('Differences (with the removal − baseline)');
      const diffRows: { measure: string; value: string; unit: string }[] = [
        { measure: 'diverted to other corridors', value: num(d.diverted_t_per_year / 1e6, 2), unit: 'Mt/yr' },
        { measure: 'unserved demand', value: signed(d.unserved_t_per_year / 1e6, 2), unit: 'Mt/yr' },
        {
          measure: 'cost added to the flows still served',
          value: signed(d.served_cost_increase_usd / 1e6, 1),
          unit: 'M USD/yr',
        },
      ];
      if (d.served_cost_increase_usd_per_t !== null) {
        diffRows.push({
          measure: '  per tonne of those flows',
          value: signed(d.served_cost_increase_usd_per_t, 0),
          unit: 'USD/t',
        });
      }
      if (d.served_time_increase_h !== null) {
        diffRows.push({
          measure: 'time added to the flows still served',
          value: signed(d.served_time_increase_h / 24, 1),
          unit: 'days per tonne',
        });
      }
      diffRows.push({
        measure: 'generalized cost of all served flows',
        value: signed(d.total_cost_usd / 1e9, 2),
        unit: 'bn USD/yr',
      });
      diffRows.push({
        measure: 'the same plus unserved tonnes at their unserved_cost_usd_per_t',
        value: signed(d.total_cost_with_unserved_usd_per_year / 1e9, 2),
        unit: 'bn USD/yr',
      });
      print(
        formatTable(
          [
            { header: 'measure', value: (x) => x.measure },
            { header: 'value', value: (x) => x.value, align: 'right' },
            { header: 'unit', value: (x) => x.unit },
          ],
          diffRows,
        ),
      );
      const corridorTable = (rows: typeof r.corridors) =>
        formatTable(
          [
            { header: 'corridor', value: (c) => c.corridor },
            {
              header: 'baseline_Mt_per_year',
              value: (c) => num(c.baseline_t_per_year / 1e6, 2),
              align: 'right',
            },
            {
              header: 'scenario_Mt_per_year',
              value: (c) => num(c.scenario_t_per_year / 1e6, 2),
              align: 'right',
            },
            {
              header: 'change_Mt_per_year',
              value: (c) => signed(c.change_t_per_year / 1e6, 2),
              align: 'right',
            },
          ],
          rows,
        );
      print('');
      print('Tonnage by corridor family');
      print(corridorTable(r.corridor_families));
      print('');
      print('Tonnage by corridor');
      print(corridorTable(r.corridors));
      print('');
      print('By origin–destination');
      print(
        formatTable(
          [
            { header: 'id', value: (o) => o.id },
            { header: 'demand_Mt_per_year', value: (o) => num(o.demand_t_per_year / 1e6, 2), align: 'right' },
            {
              header: 'diverted_Mt_per_year',
              value: (o) => num(o.diverted_t_per_year / 1e6, 2),
              align: 'right',
            },
            {
              header: 'unserved_Mt_per_year',
              value: (o) => num(o.unserved_t_per_year / 1e6, 2),
              align: 'right',
            },
            {
              header: 'cost_change_usd_per_t',
              value: (o) => (o.cost_change_usd_per_t === null ? '–' : signed(o.cost_change_usd_per_t, 0)),
              align: 'right',
            },
            {
              header: 'time_change_days',
              value: (o) => (o.time_change_h === null ? '–' : signed(o.time_change_h / 24, 1)),
              align: 'right',
            },
          ],
          r.od_changes,
        ),
      );
      print('');
      print('Dependency of each flow on transit countries (intact network, share of its tonnage)');
      print(
        formatTable(
          [
            { header: 'id', value: (x) => x.id },
            { header: 'served_Mt_per_year', value: (x) => num(x.served_t_per_year / 1e6, 2), align: 'right' },
            {
              header: 'transit_share_pct',
              value: (x) => x.transit.map((t) => `${t.country} ${num(t.share * 100, 0)}`).join(', ') || '–',
            },
          ],
          r.dependency,
        ),
      );
    },
  );
}
