/** `caravan simulate`: Monte Carlo simulation of the border crossings, ferries and trips of a network. */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { queueGrowth, type SimulateResult, simulateUseCase } from '../app/simulate.js';
import type { NetworkModel } from '../model/schema.js';
import { sharedWorkerPool } from '../node/worker-pool.js';
import { odPlaces } from '../sim/od-key.js';
import type { CrossingFlowJson, EstimateJson } from '../sim/simulation-result.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';
import { addUseCaseFlags, type FlagSpecs, optionsFromFlags, runWithFlags } from './use-case-flags.js';

const FLAGS: FlagSpecs = {
  days: { arg: '<n>' },
  warmupDays: { arg: '<n>' },
  drainDays: { arg: '<n>' },
  replications: { arg: '<n>' },
  seed: { arg: '<n>' },
  crossings: { flag: 'crossing', arg: '<ids...>', variadic: true },
  workers: { arg: '<n>' },
  appointments: { flag: 'e-queue', arg: '<ids...>', variadic: true },
  slotMinutes: { arg: '<n>' },
  bookingShare: { arg: '<x>' },
  divertQueue: { arg: '<n>' },
  date: { arg: '<yyyy-mm-dd>' },
};

export function registerSimulate(program: Command): void {
  const command = program.command('simulate').description(simulateUseCase.summary);
  addUseCaseFlags(addNetworkOptions(command), simulateUseCase, FLAGS)
    .option('--json', 'print as JSON')
    .action(async (flags: NetworkOptions & { json?: boolean; workers?: string; replications?: string }) => {
      // the threads start loading now, while the network is read and the routes planned; this
      // thread is one of the --workers lanes while they leave a core free (one replication, or one
      // lane: no threads then)
      const pool = sharedWorkerPool();
      const lanes = flags.workers === undefined ? pool.size : Number(flags.workers);
      if (flags.replications === undefined || Number(flags.replications) > 1) pool.warm(lanes);
      const loaded = await loadNetworkOption(flags);
      const options = optionsFromFlags(simulateUseCase, loaded.model, flags, FLAGS);
      // A scenario may put an appointment queue (e-queue) on crossings: added to --e-queue.
      const booked = (loaded.scenarios ?? []).flatMap((s) => s.scenario.simulation?.e_queue ?? []);
      if (booked.length > 0 && !(options.appointments ?? []).some((a) => a.toLowerCase() === 'all'))
        Object.assign(options, { appointments: [...new Set([...(options.appointments ?? []), ...booked])] });
      const bar =
        process.stderr.isTTY === true
          ? new SingleBar({
              format: 'simulating [{bar}] {value}/{total} replications, {duration_formatted}',
              stream: process.stderr,
              hideCursor: true,
              clearOnComplete: true,
            })
          : null;
      let started = false;
      const result = await runWithFlags(simulateUseCase, loaded.model, options, FLAGS, {
        runner: pool.runner,
        onProgress: ({ done, total }) => {
          if (!bar) return;
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
      }).finally(() => {
        if (bar && started) bar.stop();
      });
      const json = { ...result, ...(loaded.scenario ? { scenario: loaded.scenario.name } : {}) };
      if (flags.json) printJson(json);
      else print(formatSimulation(loaded.model, json, loaded.scenario?.name));
    });
}

const h = (x: number | null, decimals = 1) => (x === null ? '–' : num(x, decimals));
/** Hours with two decimals below one hour, so that a few minutes do not read as nothing. */
const hours = (x: number | null) => (x === null ? '–' : num(x, Math.abs(x) < 1 ? 2 : 1));
const days = (x: number | null, decimals = 1) => (x === null ? '–' : num(x / 24, decimals));
const ci = (e: EstimateJson, scale = 1) => {
  if (!e.ci95) return '–';
  const decimals = scale === 1 && e.ci95[1] < 1 ? 2 : 1;
  return `${num(e.ci95[0] / scale, decimals)}–${num(e.ci95[1] / scale, decimals)}`;
};

interface CrossingRow {
  readonly name: string;
  readonly direction: string;
  readonly unit: string;
  readonly flow: CrossingFlowJson;
}

/** The readable report: one line per crossing direction, then one per origin–destination pair. */
export function formatSimulation(model: NetworkModel, r: SimulateResult, scenario?: string): string {
  const country = new Map(model.nodes.map((n) => [n.id, n.country]));
  const nodeName = new Map(model.nodes.map((n) => [n.id, n.name]));
  const unitOf = (mode: string) => model.modes[mode as keyof typeof model.modes]?.unit ?? 'unit';
  const lines: string[] = [];
  const window = `days ${num(r.warmup_days, 0)}–${num(r.days, 0)} of each run counted`;
  lines.push(
    `Simulated ${num(r.replications)} replications of ${num(r.days, 0)} days (${window}), seed ${r.seed}` +
      (scenario ? `, scenario "${scenario}"` : ''),
  );
  if (r.appointments.length > 0) lines.push(`E-queue (appointment slots) at: ${r.appointments.join(', ')}`);
  if (r.divert_queue !== null)
    lines.push(`Units divert when ${num(r.divert_queue)} or more are queued ahead`);

  const rows: CrossingRow[] = [];
  for (const [id, c] of Object.entries(r.crossings)) {
    for (const [dir, flow] of Object.entries(c.directions)) {
      const [from, to] = dir.split('->') as [string, string];
      rows.push({
        name: model.crossings.find((x) => x.id === id)?.name ?? id,
        direction: `${country.get(from) ?? from}→${country.get(to) ?? to}`,
        unit: unitOf(c.mode),
        flow,
      });
    }
  }
  const drivers = rows.some((x) => x.flow.balked > 0 || x.flow.reneged > 0);
  const share = (x: number | null) => (x === null ? '–' : num(100 * x, 1));
  lines.push('');
  lines.push('Border crossings: waiting before clearance and time to clear (TFI1), per direction');
  lines.push(
    formatTable<CrossingRow>(
      [
        { header: 'crossing', value: (x) => x.name, align: 'left' },
        { header: 'dir', value: (x) => x.direction, align: 'left' },
        { header: 'unit', value: (x) => x.unit, align: 'left' },
        { header: 'wait_h', value: (x) => hours(x.flow.wait_h.mean), align: 'right' },
        { header: 'wait_95%CI_h', value: (x) => ci(x.flow.wait_h), align: 'right' },
        { header: 'wait_days', value: (x) => days(x.flow.wait_h.mean), align: 'right' },
        { header: 'P90_wait_h', value: (x) => hours(x.flow.wait_h.p90), align: 'right' },
        { header: 'TFI1_h', value: (x) => hours(x.flow.tfi1_h.mean), align: 'right' },
        { header: 'cleared_per_day', value: (x) => h(x.flow.throughput_per_day), align: 'right' },
        {
          header: 'lanes_busy_%',
          value: (x) => (x.flow.utilization === null ? '–' : num(100 * x.flow.utilization, 0)),
          align: 'right',
        },
        { header: 'queue_mean', value: (x) => h(x.flow.queue.mean, 0), align: 'right' },
        { header: 'queue_max', value: (x) => h(x.flow.queue.max, 0), align: 'right' },
        ...(drivers
          ? [
              {
                header: 'balked_%',
                value: (x: CrossingRow) => share(x.flow.balked_share),
                align: 'right' as const,
              },
              {
                header: 'reneged_%',
                value: (x: CrossingRow) => share(x.flow.reneged_share),
                align: 'right' as const,
              },
            ]
          : []),
        {
          header: 'note',
          value: (x) => growthNote(x.flow),
          align: 'left',
        },
      ],
      rows,
    ),
  );

  const od = Object.entries(r.od);
  if (od.length > 0) {
    lines.push('');
    lines.push('Door to door, for consignments that set off in the counted days');
    lines.push(
      formatTable<(typeof od)[number]>(
        [
          {
            header: 'from → to',
            value: ([key]) => {
              const { from, to } = odPlaces(key);
              return `${nodeName.get(from) ?? from} → ${nodeName.get(to) ?? to}`;
            },
            align: 'left',
          },
          {
            header: 'corridor',
            value: ([, o]) =>
              o.paths.length > 1
                ? `${o.corridor} (${mainShare(o.paths[0]!.share)}; ${o.paths.length} paths)`
                : o.corridor,
            align: 'left',
          },
          { header: 'unit', value: ([, o]) => o.unit, align: 'left' },
          { header: 'transit_days', value: ([, o]) => days(o.transit_h.mean), align: 'right' },
          { header: '95%CI_days', value: ([, o]) => ci(o.transit_h, 24), align: 'right' },
          { header: 'P90_days', value: ([, o]) => days(o.transit_h.p90), align: 'right' },
          { header: 'SWD_km/h', value: ([, o]) => h(o.swd_kmh), align: 'right' },
          { header: 'SWOD_km/h', value: ([, o]) => h(o.swod_kmh), align: 'right' },
          { header: 'delivered', value: ([, o]) => num(o.delivered), align: 'right' },
          {
            header: 'note',
            value: ([, o]) =>
              o.in_transit_at_end > 0 ? `${num(o.in_transit_at_end)} still on the way at the end` : '',
            align: 'left',
          },
        ],
        od,
      ),
    );
  }
  const notes: string[] = [];
  if (rows.some((x) => growthNote(x.flow) !== ''))
    notes.push(
      'NON-STATIONARY: the queue grows (measured over the counted days, 95% CI excludes 0): more units join than are cleared, so the wait keeps rising with the length of the run (--days) and is not a steady-state wait',
    );
  if (drivers)
    notes.push(
      "balked_%, reneged_%: shares of the units arriving that did not join at the expected wait, or gave up waiting (drivers' behaviour in the network)",
    );
  notes.push(...r.warnings);
  lines.push('');
  lines.push(
    'wait_h: mean over replications (95% CI); P90 over all units; TFI1: from joining the queue to leaving the crossing (CAREC CPMM)',
  );
  lines.push('SWD/SWOD: speed with and without delay (CPMM); counts are summed over replications');
  for (const n of notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

/** "NON-STATIONARY +157/day (150–164)" when the queue does not settle (see app/simulate's queueGrowth). */
function growthNote(flow: CrossingFlowJson): string {
  const g = queueGrowth(flow);
  if (g === null) return '';
  const d = Math.abs(g) < 10 ? 1 : 0;
  const ci = flow.queue_growth_per_day_ci95;
  const range = ci ? ` (${num(ci[0], d)}–${num(ci[1], d)})` : '';
  return `NON-STATIONARY ${g > 0 ? '+' : ''}${num(g, d)}/day${range}`;
}

/** The share of a consignment's main path, in whole percent; one that rounds to 100 while others carry some says so. */
function mainShare(share: number): string {
  const whole = num(100 * share, 0);
  return whole === '100' && share < 1 ? '>99 %' : `${whole} %`;
}
