/**
 * Each case of issue 13's "Why", run through the built CLI as a user would: a clear message, exit
 * code 2 (1 for a write error), within bounded time and peak memory (measured, not assumed).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI } from '../helpers.js';
import { CLI, CRASH, measure, tempDir } from './helpers.js';

const HOSTILE = 'test/fixtures/hostile';
/** Generous bounds for a loaded test machine: a refusal takes a second or two and little memory. */
const QUICK_S = 20;
const SMALL_MB = 250;

function refused(r: ReturnType<typeof measure>, pattern: RegExp) {
  const output = `${r.stdout}${r.stderr}`;
  expect(r.code, output).toBe(2);
  expect(output).toMatch(pattern);
  expect(output).not.toMatch(CRASH);
}

describe('hostile YAML', () => {
  it('an alias bomb: the limit yaml_aliases, the file and line, exit 2 — not "a bug in Caravan"', () => {
    const r = measure(['validate', `${HOSTILE}/alias-bomb.yaml`]);
    refused(r, /alias-bomb\.yaml:\d+: limits\.yaml_aliases: .*over the limit yaml_aliases = 10,000/);
    expect(r.stdout).toMatch(/caravan --limit yaml_aliases=\d+/);
    expect(r.peakMb).toBeLessThan(SMALL_MB);
  });

  it('deep nesting: the limit nesting_depth, not "Maximum call stack size exceeded"', () => {
    const dir = tempDir();
    const file = join(dir, 'deep.yaml');
    writeFileSync(file, `format: caravan/1\nnodes: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`);
    const r = measure(['validate', file]);
    refused(r, /deep\.yaml:2: limits\.nesting_depth: .*65 levels, over the limit nesting_depth = 64/);
    expect(r.seconds).toBeLessThan(QUICK_S);
    expect(r.peakMb).toBeLessThan(SMALL_MB);
  });
});

describe('huge files', () => {
  it('a 57 MB network is refused by the limit file_bytes before it is read: quickly, in little memory', () => {
    const dir = tempDir();
    const file = join(dir, 'huge.yaml');
    const line = '  - { id: n0000000, name: Node, country: KZ, kind: city, lon: 10, lat: 10 }\n';
    writeFileSync(file, `format: caravan/1\nnodes:\n${line.repeat(Math.ceil(57e6 / line.length))}`);
    const r = measure(['validate', file]);
    // 57 MB is 54.4 MiB.
    refused(
      r,
      /huge\.yaml: limits\.file_bytes: size of the file: 54\.\d MiB, over the limit file_bytes = 4 MiB/,
    );
    expect(r.stderr).toContain('caravan --limit file_bytes=55MiB');
    expect(r.seconds).toBeLessThan(QUICK_S);
    expect(r.peakMb).toBeLessThan(SMALL_MB);
  });

  it('the largest file the limit lets through is read in bounded memory: 4 MB of JSON, 40,000 nodes, refused by the limit nodes', () => {
    const dir = tempDir();
    const file = join(dir, 'many-nodes.json');
    const node = (k: number) =>
      `{"id": "n${k}", "name": "Node ${k}", "country": "KZ", "kind": "city", "lon": ${(k % 300) * 0.1}, "lat": ${Math.floor(k / 300) * 0.01}}`;
    const nodes = Array.from({ length: 40_000 }, (_, k) => node(k));
    writeFileSync(file, `{"format": "caravan/1", "nodes": [\n${nodes.join(',\n')}\n]}\n`);
    const r = measure(['validate', file]);
    refused(
      r,
      /many-nodes\.json:1: limits\.nodes: entries in the network's "nodes" list: 40,000 nodes, over the limit nodes = 20,000/,
    );
    expect(r.seconds).toBeLessThan(QUICK_S);
    expect(r.peakMb).toBeLessThan(500);
  });

  it('an endless input (a device) is read no further than the limit', () => {
    const r = measure(['validate', '/dev/zero']);
    refused(r, /limits\.file_bytes: size of the input \(at least\): 4 MiB/);
    expect(r.peakMb).toBeLessThan(SMALL_MB);
  });

  it('JSON files go through the JSON reader: JSON wording, line and column', () => {
    const r = measure(['validate', `${HOSTILE}/malformed.json`]);
    refused(r, /malformed\.json:5: JSON: a comma before "\]" is not allowed in JSON.*\(column 3\)/);
  });
});

describe('absurd demand', () => {
  it('10 million trucks a day is an error in validate, with the plausible range', () => {
    const r = measure(['validate', `${HOSTILE}/demand-10m-trucks.yaml`]);
    refused(
      r,
      /demand\[0\]\.units_per_day: 73,000,000,000 t\/yr .*cannot be right.*plausible figure is 0–1,500,000,000 t\/yr/,
    );
  });

  it('simulate --days 2 on it stops before running, in little memory', () => {
    const r = measure(['simulate', '--network', `${HOSTILE}/demand-10m-trucks.yaml`, '--days', '2']);
    refused(r, /cannot be right/);
    expect(r.seconds).toBeLessThan(QUICK_S);
    expect(r.peakMb).toBeLessThan(SMALL_MB);
  });

  it('a plausible but huge demand is refused by the simulation limits, computed before running', () => {
    const r = measure(['simulate', '--network', `${HOSTILE}/demand-100k-trucks.yaml`, '--days', '2']);
    refused(
      r,
      /limits\.events_pending: .*3,200,000 events.*\n.*limits\.units_simulated: .*64,000,000 consignments/,
    );
    expect(r.stderr).toContain('caravan --limit units_simulated=64000000');
    expect(r.peakMb).toBeLessThan(SMALL_MB);
  });

  it('a trillion trucks a day no longer reaches the event queue ("more than 16,777,216 events pending")', () => {
    const dir = tempDir();
    const file = join(dir, 'trillion.yaml');
    writeFileSync(file, readFileSync(MINI, 'utf8').replace('units_per_day: 40', 'units_per_day: 1.0e+12'));
    const r = measure(['simulate', '--network', file, '--days', '2']);
    refused(r, /cannot be right/);
    expect(r.stderr).not.toContain('events pending at once');
  });

  it('1e15 t/yr is an error before any analysis: no 35-digit cost', () => {
    const v = measure(['validate', `${HOSTILE}/demand-1e15-t.yaml`]);
    refused(v, /demand\[0\]\.t_per_year: 1\.00e\+15 t\/yr cannot be right/);
    const a = measure(['assign', '--network', `${HOSTILE}/demand-1e15-t.yaml`]);
    refused(a, /cannot be right/);
    expect(a.stdout).toBe('');
  });
});

describe('--out', () => {
  const exportTo = (out: string) =>
    measure(['network', 'export', '--format', 'json', '--network', MINI, '--out', out]);

  it('writes through a symbolic link to its target; the link stays', async () => {
    const { symlinkSync, lstatSync } = await import('node:fs');
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    expect(exportTo(join(dir, 'link.json')).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).name).toBe('Mini corridor');
  });

  it('writes into a FIFO: its reader gets the output, and the FIFO stays a FIFO', async () => {
    const { execFileSync } = await import('node:child_process');
    const { statSync } = await import('node:fs');
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = exportTo(fifo);
    await done;
    expect(r.code).toBe(0);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).name).toBe('Mini corridor');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes to a device as it is: /dev/null stays a device, /dev/full is exit 1 with the reason', async () => {
    const { statSync } = await import('node:fs');
    expect(exportTo('/dev/null').code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const full = exportTo('/dev/full');
    expect(full.code).toBe(1);
    expect(full.stderr).toBe('error: cannot write "/dev/full": no space left on the device (ENOSPC)\n');
  });

  it('a directory that does not exist: exit 1, and nothing left behind', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = tempDir();
    const r = exportTo(join(dir, 'missing', 'x.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot write ".*x\.json": no such directory \(ENOENT\)\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('standard output', () => {
  it('caravan outlook > /dev/full: exit 1 with a message', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = measure(['outlook'], { stdio: ['ignore', fd, 'pipe'] });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('error: cannot write to standard output: no space left on the device (ENOSPC)\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a reader that stops reading (a pager quits): exit 0, no message', async () => {
    const child = spawn(process.execPath, [CLI, 'network', 'export', '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('messages', () => {
  it('a binary file: no byte of it in the message', () => {
    const r = measure(['validate', `${HOSTILE}/binary.yaml`]);
    refused(r, /binary\.yaml:\d+: not a text file/);
    expect(`${r.stdout}${r.stderr}`).toMatch(/^[\x20-\x7e\n–—…]*$/);
  });

  it('a missing scenario file does not suggest leaving it out to use the default network', () => {
    const r = measure(['simulate', '--scenario', 'no-such-scenario.yaml']);
    refused(r, /no-such-scenario\.yaml: no such file: check the path\n/);
    expect(r.stderr).not.toContain('embedded default network');
    const n = measure(['validate', 'no-such-network.yaml']);
    refused(
      n,
      /no-such-network\.yaml: no such file: check the path, or leave it out to use the embedded default network/,
    );
  });

  it('route --from X --to X: origin and destination are the same, exit 2', () => {
    const r = measure(['route', '--from', 'Almaty', '--to', 'almaty']);
    refused(r, /--to: origin and destination are the same place \(Almaty\): give two different places/);
    expect(r.stdout).toBe('');
  });
});
