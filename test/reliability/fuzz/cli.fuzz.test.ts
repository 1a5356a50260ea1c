/**
 * Fuzzing the command line: random argument lists — every command, its flags with valid, odd and
 * hostile values, unknown flags, stray words — always end with exit code 0 or 2 and, for 2, a
 * message; never an internal error. Run in this process (the command's own `main`), and for a
 * small sample as a separate process exactly as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { MINI, ROOT } from '../../helpers.js';
import { CLI, CRASH, tempDir } from '../helpers.js';
import { fuzz } from './fuzz.js';

const DIR = tempDir('caravan-fuzz-cli-');
const CSV = join(DIR, 'demand.csv');
writeFileSync(CSV, 'from,to,t_per_year\nxian,duisburg,2000000\nshanghai,nowhere,5\n');
const NETWORKS = [
  MINI,
  MINI,
  `${ROOT}/test/fixtures/flow-corridors.yaml`,
  `${ROOT}/test/fixtures/typos.yaml`,
  'no/such.yaml',
];
const PLACES = ['alpha', 'Alpha City', 'Alfa', 'beta', 'gamma', 'xian', 'duisburg', 'nowhere', '', 'GAMMA'];
const NUMBERS = ['0', '1', '2', '-1', '1.5', '1e9', 'abc', '', 'NaN', '3650', '100000', '0.01', '1e-9'];
const TEXTS = [
  'x',
  '',
  'all',
  'gate',
  'ferry',
  'rail,road',
  'RU',
  'KZ,CN',
  'country:KZ',
  'crossing:gate',
  'node:',
  'teu',
];
const DATES = ['2026-01-01', '2024-07-01', '2026-13-45', 'today', ''];

const value = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...TEXTS),
  fc.constantFrom(...PLACES),
  fc.constantFrom(...DATES),
  fc.string({ maxLength: 6 }),
);
const flag = (name: string, values: fc.Arbitrary<string> = value): fc.Arbitrary<string[]> =>
  fc.tuple(fc.constant(name), values).map((pair) => [...pair]);
const bare = (name: string): fc.Arbitrary<string[]> => fc.constant([name]);

const FLAGS: Record<string, fc.Arbitrary<string[]>[]> = {
  validate: [
    bare('--json'),
    flag('--scenario', fc.constantFrom('test/fixtures/mini-24h.yaml', MINI, 'nope.yaml')),
  ],
  overview: [],
  'network info': [bare('--json')],
  'network export': [
    flag('--format', fc.constantFrom('json', 'geojson', 'svg')),
    flag('--out', fc.constantFrom(join(DIR, 'out.json'), DIR, join(DIR, 'no', 'x'))),
  ],
  route: [
    flag('--from', fc.constantFrom(...PLACES)),
    flag('--to', fc.constantFrom(...PLACES)),
    flag('--optimize', fc.constantFrom('time', 'p90', 'cost', 'co2e', 'distance', 'generalized', 'fast')),
    flag('--value-of-time'),
    flag('--avoid-country'),
    flag('--avoid'),
    flag('--modes'),
    flag('--date'),
    flag('--unit'),
    flag('--max-transshipments'),
    flag('--cargo'),
    bare('--all'),
    bare('--json'),
  ],
  simulate: [
    flag('--days'),
    flag('--warmup-days'),
    flag('--drain-days'),
    flag('--replications'),
    flag('--seed'),
    flag('--crossing'),
    flag('--workers', fc.constantFrom('1', '2', '0', 'x')),
    flag('--e-queue'),
    flag('--slot-minutes'),
    flag('--booking-share'),
    flag('--divert-queue'),
    flag('--date'),
    bare('--json'),
  ],
  assign: [
    flag('--method', fc.constantFrom('equilibrium', 'capacity', 'magic')),
    flag('--value-of-time'),
    flag('--modes'),
    flag('--year'),
    flag('--max-gap'),
    flag('--demand', fc.constantFrom(CSV, 'nope.csv')),
    bare('--json'),
  ],
  resilience: [
    flag('--remove'),
    flag('--year'),
    flag('--method', fc.constantFrom('equilibrium', 'capacity')),
    bare('--json'),
  ],
  outlook: [
    flag('--from-year'),
    flag('--to-year'),
    flag('--base-year'),
    flag('--growth'),
    flag('--saturation'),
    flag('--method', fc.constantFrom('equilibrium', 'capacity')),
    bare('--json'),
  ],
};

/** An argument list: a command, a network, some of its flags, now and then something stray. */
const argv = fc
  .tuple(
    fc.constantFrom(...Object.keys(FLAGS)),
    fc.constantFrom(...NETWORKS),
    fc.array(fc.nat(), { maxLength: 5 }),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('--bogus', 'extra', '--', '-x', '--help', '--limit', '--limit=nodes=1'),
      },
    ),
  )
  .chain(([command, network, picks, stray]) => {
    const options = FLAGS[command]!;
    const chosen = picks.map((p) => options[p % Math.max(options.length, 1)]).filter((x) => x !== undefined);
    return fc.tuple(fc.constant(command), fc.constant(network), fc.tuple(...chosen), fc.constant(stray));
  })
  .map(([command, network, flags, stray]) => {
    const args = [...command.split(' ')];
    if (command === 'route')
      args.push(
        '--from',
        PLACES[flags.length % PLACES.length]!,
        '--to',
        PLACES[(network.length + flags.length * 3) % PLACES.length]!,
      );
    if (command === 'validate') args.push(network);
    else if (command !== 'network info' || network !== MINI) args.push('--network', network);
    for (const f of flags) args.push(...f);
    if (stray !== undefined) args.push(stray);
    return args;
  });

/** Limits that keep each run small; the command's defaults are checked by the spawned sample. */
const SMALL = [
  '--limit',
  'units_simulated=30000',
  '--limit',
  'events_pending=30000',
  '--limit',
  'replication_days=2000',
  '--limit',
  'outlook_years=15',
];

async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (sink: string[]) =>
    ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      sink.push(String(chunk));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') done();
      return true;
    }) as typeof process.stdout.write;
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const exitCode = process.exitCode;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = exitCode;
  }
}

function expectCleanExit(r: { code: number; stdout: string; stderr: string }, args: string[]) {
  const shown = `caravan ${args.join(' ')}\n${r.stderr.slice(0, 2000)}`;
  // Exit code 1 only for output that could not be written (--out naming a directory).
  if (r.code === 1) expect(r.stderr, shown).toMatch(/^error: cannot write /);
  else expect([0, 2], shown).toContain(r.code);
  expect(r.stderr, shown).not.toMatch(CRASH);
  if (r.code === 2) expect(`${r.stdout}${r.stderr}`.trim().length, shown).toBeGreaterThan(0);
}

describe('fuzzing the command line', () => {
  it('argument lists, run in this process', async () => {
    await fuzz(
      'CLI: argument lists, in process',
      argv,
      async (args) => {
        const r = await inProcess([...SMALL, ...args]);
        expectCleanExit(r, args);
      },
      { runs: 60, seconds: 8 },
    );
  });

  it('argument lists, a sample run as the user runs them', async () => {
    await fuzz(
      'CLI: argument lists, separate processes',
      argv,
      (args) => {
        const r = spawnSync(process.execPath, [CLI, '--limit', 'job_seconds=60', ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 90_000,
        });
        expectCleanExit({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, args);
      },
      { runs: 4, seconds: 20 },
    );
  });
});
