/** `caravan check`: the analyses' numbers side by side for a date, and where they disagree or strain. */
import type { Command } from 'commander';
import { checkNetwork } from '../flow/check.js';
import { compileNetwork } from '../network/compile.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';

export function registerCheck(program: Command): void {
  addNetworkOptions(
    program
      .command('check')
      .description(
        'per crossing and direction: assigned flow, capacity, wait; whether route and assign agree; what is near capacity',
      ),
  )
    .option('--date <date>', 'YYYY-MM-DD: the network and demand of that day', '2025-07-01')
    .option('--json', 'print as JSON')
    .action((opts: NetworkOptions & { date: string; json?: boolean }) => {
      const { model } = loadNetworkOption(opts);
      const r = checkNetwork(compileNetwork(model), opts.date);
      if (opts.json) {
        printJson(r);
        return;
      }
      const h = (x: number | null) => (x === null ? '–' : num(x, 1));
      print(
        `Check of ${model.name ?? 'the network'} on ${opts.date}: route and assign ${r.consistent ? 'agree' : 'DISAGREE'}`,
      );
      print('');
      print(
        formatTable(
          [
            { header: 'crossing', value: (x) => x.id },
            { header: 'direction', value: (x) => x.direction },
            { header: 'flow_Mt_per_year', value: (x) => num(x.flow_t_per_year / 1e6, 2), align: 'right' },
            {
              header: 'capacity_Mt_per_year',
              value: (x) => (x.capacity_t_per_year === null ? '–' : num(x.capacity_t_per_year / 1e6, 2)),
              align: 'right',
            },
            { header: 'binding', value: (x) => x.binding },
            { header: 'assigned_wait_h', value: (x) => h(x.assigned_wait_h), align: 'right' },
            { header: 'route_wait_h', value: (x) => h(x.route_wait_h), align: 'right' },
            { header: 'status', value: (x) => x.status },
          ],
          r.crossings.filter((x) => x.flow_t_per_year > 0),
        ),
      );
      print('');
      if (r.findings.length === 0) print('Nothing to report.');
      for (const f of r.findings) print(`- ${f}`);
      if (!r.consistent) process.exitCode = 1;
    });
}
