/** Shared test helpers: the mini fixture as data, and running the built CLI. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateNetwork } from '../src/model/validate.js';

export const ROOT = join(import.meta.dirname, '..');
export const MINI = join(ROOT, 'test', 'fixtures', 'mini.yaml');
export const DEFAULT = join(ROOT, 'data', 'eurasia', 'network.yaml');

/** A fresh copy of the mini fixture as plain data, to break in a test. */
export function mini(): Record<string, any> {
  return parse(readFileSync(MINI, 'utf8'));
}

/** Validates data and returns the issues as `code path` pairs, for asserting codes and paths. */
export function codes(data: unknown): string[] {
  return validateNetwork(data).issues.map((i) => `${i.code} ${i.path}`);
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `caravan` command (dist/) as a user would. */
export function caravan(args: readonly string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, CARAVAN_DEBUG: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
