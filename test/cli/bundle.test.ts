/**
 * The CLI bundle (dist/bin, scripts/bundle-cli.mjs) is the same program as the compiled modules
 * (dist/cli/program.js): for every command, both print the same help, a question gets the same answer
 * from both, and both carry the same code version (so the commands that run from the modules, such as
 * simulate, use the snapshot's cached loaded state too).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULE_COMMANDS } from '../../src/cli/command-of.js';
import { ROOT } from '../helpers.js';

const BUNDLE = join(ROOT, 'dist', 'bin', 'program.js');
const MODULES = join(ROOT, 'dist', 'cli', 'program.js');
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

/** Runs `main(args)` of one build of the program, in a process of its own. */
function run(program: string, args: readonly string[]) {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(program).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
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

  it('gives the compiled modules the code version of the bundle and of the snapshot', async () => {
    const version = readFileSync(join(ROOT, 'dist', 'bin', 'code-version.txt'), 'utf8').trim();
    expect(version).toMatch(/^[0-9a-f]{64}$/);
    const modules = join(ROOT, 'dist', 'io', 'code-version.js');
    const { CODE_VERSION } = (await import(pathToFileURL(modules).href)) as { CODE_VERSION: unknown };
    expect(CODE_VERSION).toBe(version);
    const snapshot = JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'eurasia.json'), 'utf8'));
    expect(snapshot.code_version).toBe(version);
  });
});
