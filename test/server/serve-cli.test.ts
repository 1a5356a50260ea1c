/** `caravan serve`: bad options are exit 2 naming the option; it prints the URL and serves until SIGTERM. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const HAS_USE_CASES = existsSync(new URL('../../src/app/index.ts', import.meta.url));

describe('caravan serve', () => {
  it('a port that is not a number is exit 2 naming --port', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', 'eighty'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port: "eighty" is not a whole number from 0 to 65535/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it.skipIf(!HAS_USE_CASES)('prints the URL, answers there, and stops on SIGTERM with exit 0', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'serve', '--port', '0', '--db', ':memory:'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        // the lines may come in separate chunks: wait for the last one
        const m = /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m && /API reference: /.test(out)) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toMatch(/API reference: http:\/\/127\.0\.0\.1:\d+\/api\/docs/);
    const health = (await (await fetch(`${url}api/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const page = await (await fetch(url)).text();
    expect(page).toMatch(/<title>Caravan/);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
