/**
 * `npm run bench`: every benchmark against its named peer, one after the other, in this run.
 * The peers come from Debian: SimPy 3 (python3-simpy3), NetworkX (python3-networkx), GLPK (glpk-utils).
 *
 *   npm run bench [-- sim sim-product pool route flow startup]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

const BENCHES = {
  sim: {
    file: 'sim/mmc.ts',
    peer: 'SimPy 3',
    check: ['/usr/bin/python3', '-c', 'import simpy'],
    apt: 'python3-simpy3',
  },
  'sim-product': {
    file: 'sim/product.ts',
    peer: 'SimPy 3 (caravan simulate, whole process; needs npm run build)',
    check: ['/usr/bin/python3', '-c', 'import simpy'],
    apt: 'python3-simpy3',
  },
  pool: {
    file: 'sim/pool.ts',
    peer: 'two one-lane processes side by side (needs npm run build)',
    check: [process.execPath, '-e', '0'],
    apt: 'nodejs',
  },
  route: {
    file: 'route/route.ts',
    peer: 'NetworkX',
    check: ['/usr/bin/python3', '-c', 'import networkx'],
    apt: 'python3-networkx',
  },
  flow: { file: 'flow/flow.ts', peer: 'GLPK', check: ['glpsol', '--version'], apt: 'glpk-utils' },
  startup: {
    file: 'startup/startup.ts',
    peer: 'a bare Node start (needs npm run build)',
    check: [process.execPath, '-e', '0'],
    apt: 'nodejs',
  },
} as const;

type Name = keyof typeof BENCHES;

function peerMissing(name: Name): string | undefined {
  const [cmd, ...args] = BENCHES[name].check;
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0 ? undefined : BENCHES[name].apt;
}

export function main(argv: readonly string[] = process.argv.slice(2)): number {
  const names = (argv.length > 0 ? argv : Object.keys(BENCHES)) as Name[];
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(BENCHES).join(', ')}\n`,
    );
    return 2;
  }
  const missing = names.map(peerMissing).filter((x): x is string => x !== undefined);
  if (missing.length > 0) {
    process.stderr.write(
      `the peers to compare against are not installed: apt-get update && apt-get install -y ${missing.join(' ')}\n`,
    );
    return 2;
  }
  let status = 0;
  for (const name of names) {
    const file = join(HERE, BENCHES[name].file);
    if (!existsSync(file)) continue;
    process.stdout.write(`\n=== ${name}: against ${BENCHES[name].peer} ===\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
    if (r.status !== 0) status = r.status ?? 1;
  }
  process.stdout.write('\nRecord the figures in bench/RESULTS.md.\n');
  return status;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
