/** Running the built CLI while measuring its time and peak memory; temporary directories. */
import { type StdioOptions, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const PROBE = join(import.meta.dirname, 'rss-probe.mjs');

export interface MeasuredRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time, seconds. */
  readonly seconds: number;
  /** Peak resident memory of the process, MB (undefined when it died before reporting it). */
  readonly peakMb: number | undefined;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'caravan-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `caravan args…` and measures it; `stdio` overrides the child's standard streams. */
export function measure(
  args: readonly string[],
  options: { cwd?: string; stdio?: StdioOptions; timeoutMs?: number } = {},
): MeasuredRun {
  const rssFile = join(tempDir('caravan-rss-'), 'rss');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', PROBE, CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, CARAVAN_DEBUG: '', CARAVAN_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 120_000,
    ...(options.stdio ? { stdio: options.stdio } : {}),
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', seconds, peakMb };
}

/** What a user's mistake must never show: a crash report instead of an issue. */
export const CRASH =
  /internal error|this is a bug in Caravan|Maximum call stack|heap out of memory|\n\s+at .*\.js:\d+/;
