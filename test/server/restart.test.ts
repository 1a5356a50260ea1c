/**
 * Persistence across processes, over a real socket: a stop (SIGTERM) and a crash (kill -9) keep
 * every finished run and its result; a job cut off by the crash is `failed` at the next start,
 * never left `running`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURE = new URL('./fixtures/serve-fixture.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'caravan-restart-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function serve(db: string): Promise<{ child: ChildProcess; url: string; recovered: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  const [url, rec] = line.split(' ');
  return { child, url: url!, recovered: Number(rec!.split('=')[1]) };
}

async function call(url: string, method = 'GET', body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

async function waitStatus(url: string, want: string[]): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const r = await call(url);
    if (want.includes(r.body.status)) return r.body;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`no ${want} at ${url}`);
}

const exited = (c: ChildProcess) =>
  new Promise((res) => (c.exitCode !== null ? res(c.exitCode) : c.on('exit', res)));

describe('restart and crash', () => {
  const db = join(dir, 'caravan.db');

  it('a stop keeps finished runs; a kill -9 leaves the running job failed at the next start', async () => {
    // First life: one job done, then stopped cleanly.
    const a = await serve(db);
    expect(a.recovered).toBe(0);
    const done = await call(`${a.url}api/simulations`, 'POST', { steps: 5, step_ms: 0 });
    expect(done.status).toBe(202);
    await waitStatus(`${a.url}api/simulations/${done.body.id}`, ['done']);
    const scenario = await call(`${a.url}api/scenarios`, 'POST', {
      format: 'caravan-scenario/1',
      name: 'kept',
      changes: { crossings: { 'nur-zholy-khorgos': { hours: '24/7' } } },
    });
    expect(scenario.status).toBe(201);
    a.child.kill('SIGTERM');
    expect(await exited(a.child)).toBe(0);

    // Second life: the run and the scenario are there; a long job is running when it is killed.
    const b = await serve(db);
    expect(b.recovered).toBe(0);
    const kept = await call(`${b.url}api/simulations/${done.body.id}`);
    expect(kept.body).toMatchObject({ status: 'done', result: { steps: 5, sum: 15 } });
    expect((await call(`${b.url}api/scenarios/${scenario.body.id}`)).body.name).toBe('kept');
    const long = await call(`${b.url}api/simulations`, 'POST', { steps: 100_000, step_ms: 5 });
    await waitStatus(`${b.url}api/simulations/${long.body.id}`, ['running']);
    b.child.kill('SIGKILL');
    await exited(b.child);

    // Third life: the cut-off job is failed with the reason; the finished one is still done.
    const c = await serve(db);
    expect(c.recovered).toBe(1);
    const cut = await call(`${c.url}api/simulations/${long.body.id}`);
    expect(cut.body.status).toBe('failed');
    expect(cut.body.issues[0].code).toBe('interrupted');
    expect((await call(`${c.url}api/simulations/${done.body.id}`)).body.status).toBe('done');
    const runs = await call(`${c.url}api/runs`);
    expect(runs.body.runs.map((r: { status: string }) => r.status).sort()).toEqual(['done', 'failed']);
    expect((await call(`${c.url}api/health`)).body.status).toBe('ok');
    c.child.kill('SIGTERM');
    await exited(c.child);
  });
});
