/** `caravan compare`: the base against scenarios, with differences and their 95 % intervals. */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type CompareResultJson, compareUseCase } from '../app/compare.js';
import type { Difference } from '../compare/paired.js';
import { significant } from '../compare/paired.js';
import { DEFAULT_NETWORK } from '../io/network-file.js';
import { readNetworkWithScenario, readScenario } from '../io/scenario-file.js';
import { InputError, issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { sharedWorkerPool } from '../node/worker-pool.js';
import { headlines } from '../report/compare-headlines.js';
import { rationedCrossings, sharedRations } from '../report/route-rations.js';
import { odPlaces } from '../sim/od-key.js';
import { collect } from './network-option.js';
import { print, printJson, warnImplausible, writeFileAtomic } from './output.js';
import { formatTable, num } from './table.js';
import { addUseCaseFlags, type FlagSpecs, optionsFromFlags, runWithFlags } from './use-case-flags.js';

/** The flags the command reads itself; the use case's options come from the others (FLAGS). */
interface CompareFlags {
  network?: string;
  scenario?: string[];
  base?: string[];
  json?: boolean;
  report?: string;
}

/**
 * The use case's options as flags (their help and defaults from its schema), but for the scenarios,
 * which the command reads from `--scenario`, and the base's name, made from `--base`.
 */
const FLAGS: FlagSpecs = {
  scenarios: false,
  base_name: false,
  date: { arg: '<yyyy-mm-dd>' },
  to_year: { arg: '<year>' },
  analyses: { arg: '<list>' },
};

export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description(
      'compare the base with scenarios: waits and throughput (common random numbers, 95 % intervals), routes, tonnage by corridor, outlook',
    )
    .option(
      '--scenario <file|name>',
      'a scenario to compare with the base (repeatable: one variant each)',
      collect,
    )
    .option(
      '--base <file|name>',
      'a scenario applied to the network to make the base (repeatable, in order)',
      collect,
    )
    .option('--network <file>', 'network file, YAML or JSON (default: the embedded Eurasia network)');
  addUseCaseFlags(command, compareUseCase, FLAGS)
    .option('--json', 'print as JSON')
    .option('--report <file.html>', 'also write a self-contained HTML report (map, charts, methods)')
    .action(async (flags: CompareFlags) => {
      if (!flags.scenario || flags.scenario.length === 0)
        throw new InputError([
          issue(
            'missing_field',
            '--scenario',
            'give a scenario to compare: --scenario NAME or FILE (see caravan scenarios)',
          ),
        ]);
      const networkPath = flags.network ?? DEFAULT_NETWORK;
      const base = readNetworkWithScenario(networkPath, flags.base ?? []);
      warnImplausible(base.warnings);
      // Each variant is read and applied here first, so that its mistakes name its file and line.
      const scenarios = flags.scenario.map((arg) => {
        readNetworkWithScenario(networkPath, [...(flags.base ?? []), arg]);
        const s = readScenario(arg);
        return { name: s.name, scenario: s.data, source: s.file };
      });
      const options = optionsFromFlags(compareUseCase, base.model, flags, FLAGS, {
        scenarios,
        ...(flags.base && flags.base.length > 0 ? { base_name: `base (${flags.base.join(' + ')})` } : {}),
      });
      const bar =
        process.stderr.isTTY === true
          ? new SingleBar({
              format: '{phase} [{bar}] {value}/{total}',
              stream: process.stderr,
              hideCursor: true,
              clearOnComplete: true,
            })
          : null;
      let started = false;
      const pool = sharedWorkerPool();
      if (options.workers === undefined || options.workers > 1) pool.warm();
      const result = await runWithFlags(compareUseCase, base.model, options, FLAGS, {
        runner: pool.runner,
        onProgress: (p) => {
          if (!bar || !p.phase.startsWith('simulation')) return;
          if (!started) {
            bar.start(p.total, p.done, { phase: p.phase });
            started = true;
          }
          bar.setTotal(p.total);
          bar.update(p.done, { phase: p.phase });
        },
      }).finally(() => {
        if (bar && started) bar.stop();
      });
      // the report's charts and maps (Observable Plot, d3, the atlas) load only for a report
      if (flags.report !== undefined) {
        const { compareReportHtml } = await import('./compare-report.js');
        writeFileAtomic(flags.report, compareReportHtml(base.model, result));
      }
      if (flags.json) printJson(result);
      else print(formatCompare(base.model, result));
      if (flags.report !== undefined && !flags.json) print(`\nReport: ${flags.report}`);
    });
}

type RoutesJson = NonNullable<CompareResultJson['base']['routes']>;

/** Which run's queue does not settle: "base", "scenario", "both" or nothing. */
function nonStationaryText(f: { base: boolean | null; scenario: boolean | null }): string {
  if (f.base && f.scenario) return 'both';
  return f.base ? 'base' : f.scenario ? 'scenario' : '';
}

const h = (x: number | null, decimals = 1) => (x === null ? '–' : num(x, decimals));
const ciText = (d: Difference, decimals = 1) =>
  d.difference_ci95
    ? `${num(d.difference_ci95[0], decimals)} to ${num(d.difference_ci95[1], decimals)}`
    : '–';

export function formatCompare(model: NetworkModel, r: CompareResultJson): string {
  const nodeName = new Map(model.nodes.map((n) => [n.id, n.name]));
  const crossingName = new Map(model.crossings.map((c) => [c.id, c.name]));
  const lines: string[] = [];
  const m = r.method;
  const simulated = m.analyses.includes('simulation');
  const compared = `Compared ${r.base.name} with ${r.scenarios.map((s) => `"${s.name}"`).join(', ')} on ${m.date}`;
  lines.push(
    simulated
      ? `${compared}: ${m.replications} replications of ${num(m.days, 0)} days each (days ${num(m.warmup_days, 0)}–${num(m.days, 0)} counted), seed ${m.seed}, ${m.common_random_numbers ? 'common random numbers (same seed and replication for base and variant)' : 'independent seeds'}.`
      : `${compared} (${m.analyses.join(', ')}; no simulation).`,
  );
  for (const s of r.scenarios) {
    lines.push('');
    lines.push(`== ${s.name}: ${s.title}`);
    for (const l of headlines(s, nodeName, crossingName)) lines.push(l);
    const rows = Object.entries(s.crossings).filter(
      ([, c]) => c.wait_h.difference !== null || (c.throughput_per_day.difference ?? 0) !== 0,
    );
    if (rows.length > 0) {
      lines.push('');
      lines.push(
        'Border crossings (simulation): mean wait before clearance and units cleared a day; difference = scenario − base, with its 95 % CI',
      );
      lines.push(
        formatTable<(typeof rows)[number]>(
          [
            { header: 'crossing', value: ([, c]) => c.name, align: 'left' },
            { header: 'wait_base_h', value: ([, c]) => h(c.wait_h.base), align: 'right' },
            { header: 'wait_scenario_h', value: ([, c]) => h(c.wait_h.scenario), align: 'right' },
            { header: 'difference_h', value: ([, c]) => h(c.wait_h.difference), align: 'right' },
            { header: '95%CI_h', value: ([, c]) => ciText(c.wait_h), align: 'right' },
            {
              header: 'cleared_base_per_day',
              value: ([, c]) => h(c.throughput_per_day.base),
              align: 'right',
            },
            {
              header: 'cleared_scenario_per_day',
              value: ([, c]) => h(c.throughput_per_day.scenario),
              align: 'right',
            },
            {
              header: 'difference_per_day',
              value: ([, c]) => h(c.throughput_per_day.difference),
              align: 'right',
            },
            { header: '95%CI_per_day', value: ([, c]) => ciText(c.throughput_per_day), align: 'right' },
            {
              header: 'non_stationary',
              value: ([, c]) => nonStationaryText(c.non_stationary),
              align: 'left',
            },
            {
              header: 'real',
              value: ([, c]) => (significant(c.wait_h) || significant(c.throughput_per_day) ? 'yes' : ''),
              align: 'left',
            },
          ],
          rows,
        ),
      );
      if (rows.some(([, c]) => c.non_stationary.base || c.non_stationary.scenario))
        lines.push(
          'non_stationary: the queue grows in that run (95 % CI of its growth excludes 0), so its mean wait depends on the length of the run (--days) and is not a steady-state wait',
        );
    }
    const transit = Object.entries(s.transit_h).filter(([, d]) => d.base !== null || d.scenario !== null);
    if (transit.length > 0) {
      lines.push('');
      lines.push('Door to door (simulation), days');
      lines.push(
        formatTable<(typeof transit)[number]>(
          [
            {
              header: 'from → to',
              value: ([od]) => {
                const { from: a, to: b } = odPlaces(od);
                return `${nodeName.get(a) ?? a} → ${nodeName.get(b) ?? b}`;
              },
              align: 'left',
            },
            {
              header: 'base_days',
              value: ([, d]) => h(d.base === null ? null : d.base / 24),
              align: 'right',
            },
            {
              header: 'scenario_days',
              value: ([, d]) => h(d.scenario === null ? null : d.scenario / 24),
              align: 'right',
            },
            {
              header: 'difference_days',
              value: ([, d]) => h(d.difference === null ? null : d.difference / 24, 2),
              align: 'right',
            },
            {
              header: '95%CI_days',
              value: ([, d]) =>
                d.difference_ci95
                  ? `${num(d.difference_ci95[0] / 24, 2)} to ${num(d.difference_ci95[1] / 24, 2)}`
                  : '–',
              align: 'right',
            },
          ],
          transit,
        ),
      );
    }
    if (s.route_differences.length > 0) {
      lines.push('');
      lines.push('Best route by expected time (route planner; deterministic, no interval)');
      lines.push(
        formatTable<(typeof s.route_differences)[number]>(
          [
            {
              header: 'from → to',
              value: (x) => `${nodeName.get(x.from) ?? x.from} → ${nodeName.get(x.to) ?? x.to}`,
              align: 'left',
            },
            { header: 'base route', value: (x) => x.base_label ?? 'none', align: 'left' },
            {
              header: 'scenario route',
              value: (x) => (x.scenario_label === x.base_label ? 'same' : (x.scenario_label ?? 'none')),
              align: 'left',
            },
            {
              header: 'time_difference_days',
              value: (x) => h(x.time_h.difference === null ? null : x.time_h.difference / 24, 2),
              align: 'right',
            },
            { header: 'cost_difference_usd', value: (x) => h(x.cost_usd.difference, 0), align: 'right' },
          ],
          s.route_differences,
        ),
      );
      const bestRoutes = (routes: RoutesJson | undefined) => (routes ?? []).map((x) => x.route);
      const rationed = rationedCrossings(model, bestRoutes(r.base.routes), bestRoutes(s.routes));
      if (rationed.length > 0) {
        lines.push(
          `note: the wait at ${rationed.join(', ')} is the equilibrium's ration, not a forecast of the queue ` +
            '(caravan route says so): a time difference through it is how far the ration moves',
        );
      }
      const shared = sharedRations(model, bestRoutes(r.base.routes), bestRoutes(s.routes));
      if (shared.length > 0) {
        lines.push(
          `note: the loaded network rations the capacity both directions share at ${shared.join(', ')}: ` +
            '`caravan assign` adds that ration to every tonne through it, and the times and differences above leave it out ' +
            '(caravan route says so)',
        );
      }
    }
    if (s.corridor_differences.length > 0) {
      lines.push('');
      lines.push(`Tonnage by corridor (assignment, equilibrium, ${s.assignment?.date ?? m.date}), Mt/yr`);
      lines.push(
        formatTable<(typeof s.corridor_differences)[number]>(
          [
            { header: 'corridor', value: (c) => c.corridor, align: 'left' },
            { header: 'base_Mt_per_year', value: (c) => num(c.base / 1e6, 2), align: 'right' },
            { header: 'scenario_Mt_per_year', value: (c) => num(c.scenario / 1e6, 2), align: 'right' },
            { header: 'difference_Mt_per_year', value: (c) => num(c.difference / 1e6, 2), align: 'right' },
          ],
          s.corridor_differences,
        ),
      );
    }
    if (s.outlook && r.base.outlook) {
      lines.push('');
      lines.push(`Outlook to ${m.to_year} (capacity assignment): first year each element is saturated`);
      const diffs = s.outlook_differences;
      if (diffs.length === 0) lines.push('  nothing saturates in either, before the horizon');
      else
        lines.push(
          formatTable<(typeof diffs)[number]>(
            [
              { header: 'element', value: (d) => `${d.kind} ${d.id}`, align: 'left' },
              {
                header: 'base_year',
                value: (d) => (d.base_first_year === null ? '–' : String(d.base_first_year)),
                align: 'right',
              },
              {
                header: 'scenario_year',
                value: (d) => (d.scenario_first_year === null ? '–' : String(d.scenario_first_year)),
                align: 'right',
              },
            ],
            diffs,
          ),
        );
      const lastB = r.base.outlook.years.at(-1);
      const lastS = s.outlook.years.at(-1);
      if (lastB && lastS)
        lines.push(
          `  Unserved demand in ${lastB.year}: ${num(lastB.unserved_t_per_year / 1e6, 2)} Mt/yr in the base, ${num(lastS.unserved_t_per_year / 1e6, 2)} Mt/yr with the scenario.`,
        );
    }
  }
  if (simulated) {
    lines.push('');
    lines.push(
      `real: the 95 % confidence interval of the difference excludes zero. Intervals are Student-t over replication-by-replication differences (paired; ${m.common_random_numbers ? 'common random numbers' : 'independent seeds, no common random numbers'}).`,
    );
  }
  return lines.join('\n');
}
