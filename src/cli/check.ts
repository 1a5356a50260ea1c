/** `caravan check`: the analyses' numbers side by side for a date, and where they disagree or strain. */
import type { Command } from 'commander';
import { type CheckResult, checkUseCase } from '../app/check.js';
import type { Model } from '../app/use-case.js';
import { sharedWorkerPool } from '../node/worker-pool.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';
import { addUseCaseFlags, type FlagSpecs, optionsFromFlags, runWithFlags } from './use-case-flags.js';

const FLAGS: FlagSpecs = {
  date: { arg: '<date>' },
  replications: { arg: '<n>' },
  days: { arg: '<n>' },
  seed: { arg: '<n>' },
  workers: { arg: '<n>' },
};

export function registerCheck(program: Command): void {
  const command = addNetworkOptions(program.command('check').description(checkUseCase.summary));
  addUseCaseFlags(command, checkUseCase, FLAGS)
    .option('--json', 'print as JSON')
    .action(async (opts: NetworkOptions & { json?: boolean; workers?: string; replications?: string }) => {
      const pool = sharedWorkerPool();
      if (opts.replications !== '0' && (opts.workers === undefined || Number(opts.workers) > 1)) pool.warm();
      const { model } = await loadNetworkOption(opts);
      const options = optionsFromFlags(checkUseCase, model, opts, FLAGS);
      const r = await runWithFlags(checkUseCase, model, options, FLAGS, { runner: pool.runner });
      if (opts.json) printJson(r);
      else print(formatCheck(r, model));
      if (!r.consistent) process.exitCode = 1;
    });
}

export function formatCheck(r: CheckResult, model: Model): string {
  const h = (x: number | null) => (x === null ? '–' : num(x, 1));
  const sim = r.simulation;
  return [
    `Check of ${model.name ?? 'the network'} on ${r.date}: route and assign ${r.consistent ? 'agree' : 'DISAGREE'}`,
    sim === null
      ? 'No simulation (--replications 0).'
      : `Simulated: ${sim.replications} replications of ${num(sim.days, 0)} days (seed ${sim.seed}); sim_wait_h is the mean with its 95 % confidence interval.`,
    '',
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
        { header: 'sim_wait_h', value: (x) => h(x.simulated_wait_h), align: 'right' },
        {
          header: 'sim_ci95_h',
          value: (x) =>
            x.simulated_wait_ci95_h === null
              ? '–'
              : `${num(x.simulated_wait_ci95_h[0], 1)}–${num(x.simulated_wait_ci95_h[1], 1)}`,
          align: 'right',
        },
        { header: 'simulation', value: (x) => x.simulation },
      ],
      r.crossings.filter((x) => x.flow_t_per_year > 0),
    ),
    '',
    ...(r.findings.length === 0 ? ['Nothing to report.'] : r.findings.map((f) => `- ${f}`)),
  ].join('\n');
}
