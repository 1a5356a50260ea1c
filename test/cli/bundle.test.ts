/**
 * The CLI bundle (dist/bin, scripts/bundle-cli.mjs) is the same program as the compiled modules
 * (dist/cli/program.js): for every command, both print the same help, a question gets the same answer
 * from both, and both carry the same code version (so the commands that run from the modules, such as
 * simulate, use the snapshot's cached loaded state too). The bundle is loaded as `caravan` loads it,
 * with V8's code cache that the build made (src/cli/bundle-loader.ts), and V8 takes that cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULE_COMMANDS } from '../../src/cli/command-of.js';
import { ROOT } from '../helpers.js';

const BUNDLE = join(ROOT, 'dist', 'bin', 'program.cjs');
const MODULES = join(ROOT, 'dist', 'cli', 'program.js');
const LOADER = join(ROOT, 'dist', 'cli', 'bundle-loader.js');
const COMMANDS = [
  'overview',
  'validate',
  'network',
  'route',
  'assign',
  'resilience',
  'outlook',
  'simulate',
  'compare',
  'scenarios',
  'serve',
  'check',
];

const scripts = mkdtempSync(join(tmpdir(), 'caravan-bundle-'));
let scriptCount = 0;

/**
 * Runs `main(args)` of one build of the program, in a process of its own (from a script file, not
 * `-e`: worker threads inherit the process's options, and `--input-type` fails in them): the bundle
 * through its loader, the modules by importing them.
 */
function run(program: string, args: readonly string[], nodeOptions: readonly string[] = []) {
  const script = join(scripts, `run-${scriptCount++}.mjs`);
  const load =
    program === BUNDLE
      ? `const { main } = (await import(${JSON.stringify(pathToFileURL(LOADER).href)})).loadBundle();`
      : `const { main } = await import(${JSON.stringify(pathToFileURL(program).href)});`;
  writeFileSync(script, `${load} process.exitCode = await main(${JSON.stringify(args)});\n`);
  const r = spawnSync(process.execPath, [...nodeOptions, script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CARAVAN_DEBUG: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync(BUNDLE))('the CLI bundle', () => {
  it('names only commands the program has as those that keep the modules', () => {
    expect(MODULE_COMMANDS.filter((c) => !COMMANDS.includes(c))).toEqual([]);
  });

  it.each([['--help'], ['--version'], ['rout', '--from', 'xian']])(
    'prints the same for `caravan %s` (no command, or a mistyped one) as the modules',
    (...args) => {
      expect(run(BUNDLE, args)).toEqual(run(MODULES, args));
    },
  );

  it.each(COMMANDS)('prints the same help for %s as the modules', (command) => {
    const bundled = run(BUNDLE, [command, '--help']);
    expect(bundled.code).toBe(0);
    expect(bundled).toEqual(run(MODULES, [command, '--help']));
  });

  it('answers a route question on the default day as the modules do', () => {
    const args = ['route', '--from', 'xian', '--to', 'duisburg', '--json'];
    const bundled = run(BUNDLE, args);
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout).routes.length).toBeGreaterThan(0);
    expect(bundled).toEqual(run(MODULES, args));
  });

  it('keeps the code cache when a simulation on every core compiles in its lanes (src/cli/main.ts)', () => {
    // V8 checks a cache against its flags: the one the CLI sets for such a run must not be among
    // those it checks, or every such run would compile the program afresh; one that is, is
    const taken = (flag: string) => {
      const child = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `(await import('node:v8')).setFlagsFromString(${JSON.stringify(flag)});` +
            `const { loadBundle } = await import(${JSON.stringify(pathToFileURL(LOADER).href)});` +
            'console.log(loadBundle().cacheUsed);',
        ],
        { encoding: 'utf8' },
      );
      return child.stdout.trim();
    };
    expect(taken('--no-concurrent-recompilation')).toBe('true');
    expect(taken('--interrupt-budget=4096')).toBe('false');
  });

  it('loads a package left outside the bundle (the LP solver) as the modules do, with the code cache taken', () => {
    const args = ['assign', '--method', 'capacity', '--json'];
    const bundled = run(BUNDLE, args);
    expect(bundled.code).toBe(0);
    const masked = (r: typeof bundled) => ({ ...r, stdout: r.stdout.replace(/"elapsed_ms":\s*[\d.]+/g, '') });
    expect(masked(bundled)).toEqual(masked(run(MODULES, args)));
  });

  it("starts with the code that the build's route question, or its simulation, left in V8's cache", async () => {
    const { CODE_CACHE_PATH, SIMULATION_CODE_CACHE_PATH, loadBundle } = (await import(
      pathToFileURL(LOADER).href
    )) as typeof import('../../src/cli/bundle-loader.js');
    expect(existsSync(CODE_CACHE_PATH)).toBe(true);
    expect(loadBundle().cacheUsed).toBe(true);
    expect(loadBundle(BUNDLE, SIMULATION_CODE_CACHE_PATH).cacheUsed).toBe(true);
    // a cache that does not match is ignored, and the program still runs
    const stale = join(scripts, 'stale.code-cache');
    writeFileSync(stale, Buffer.from('not a code cache'));
    const fallback = loadBundle(BUNDLE, stale);
    expect(fallback.cacheUsed).toBe(false);
    expect(typeof fallback.main).toBe('function');
  });

  it('gives the compiled modules the code version of the bundle and of the snapshot', async () => {
    const version = readFileSync(join(ROOT, 'dist', 'bin', 'code-version.txt'), 'utf8').trim();
    expect(version).toMatch(/^[0-9a-f]{64}$/);
    const modules = join(ROOT, 'dist', 'io', 'code-version.js');
    const { CODE_VERSION } = (await import(pathToFileURL(modules).href)) as { CODE_VERSION: unknown };
    expect(CODE_VERSION).toBe(version);
    const snapshot = JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'eurasia.json'), 'utf8'));
    expect(snapshot.code_version).toBe(version);
  });

  it('simulates, in the calling thread and a worker, without a package from node_modules or ICU number data', () => {
    // A preload (worker threads inherit it) that reports every package required at run time and every
    // Intl.NumberFormat made: resolving a package, and ICU's number data, cost a start 10–25 ms each.
    // (A thread's own script, the bundled worker, comes by its absolute path: no package.)
    const watch = join(scripts, 'watch.cjs');
    writeFileSync(
      watch,
      `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!Module.isBuiltin(request) && !require('node:path').isAbsolute(request))
    process.stderr.write('package ' + request + '\\n');
  return load.call(this, request, ...rest);
};
const NumberFormat = Intl.NumberFormat;
Intl.NumberFormat = function (...args) {
  process.stderr.write('Intl.NumberFormat\\n');
  return new NumberFormat(...args);
};
`,
    );
    const network = join(ROOT, 'bench', 'sim', 'mmc-crossing.yaml');
    const args = ['simulate', '--network', network, '--days', '5', '--replications', '4'];
    args.push('--workers', '2', '--json');
    const watched = run(BUNDLE, args, ['--require', watch]);
    expect(watched.code).toBe(0);
    expect(JSON.parse(watched.stdout).replications).toBe(4);
    expect(watched.stderr).toBe('');
    // the watch sees what it watches for: the modules resolve their packages
    expect(run(MODULES, args, ['--require', watch]).stderr).toMatch(/^package /m);
  });

  it('simulates with worker threads from the bundle as the modules do, byte for byte', () => {
    expect(existsSync(join(ROOT, 'dist', 'bin', 'replication-worker.cjs'))).toBe(true);
    const args = ['simulate', '--replications', '3', '--days', '20', '--workers', '2', '--json'];
    const bundled = run(BUNDLE, args);
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout).replications).toBe(3);
    expect(bundled).toEqual(run(MODULES, args));
    expect(run(BUNDLE, [...args.slice(0, -3), '--workers', '1', '--json'])).toEqual(bundled);
  });
});
