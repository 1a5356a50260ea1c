/**
 * The API over a real socket (fetch to 127.0.0.1): every endpoint answers, bad input of every kind
 * is a 4xx with issues, and a running job's events stream delivers its progress, then its result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { REGISTRY_URL, useCases } from './fixtures/use-cases.js';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    db: ':memory:',
    workers: 1,
    registry: { useCases, url: REGISTRY_URL },
  });
  base = server.url.replace(/\/$/, '');
});
afterAll(async () => {
  await server.close();
});

async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const r = await fetch(`${base}${path}`, init);
  const text = await r.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // text bodies (HTML) stay text
  }
  return { status: r.status, body, headers: r.headers };
}

const post = (path: string, body: unknown, method = 'POST') =>
  call(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('every endpoint over a socket', () => {
  it('reads', async () => {
    expect((await call('/api/health')).body.status).toBe('ok');
    expect((await call('/api/network')).body.nodes.length).toBeGreaterThan(10);
    expect((await call('/api/network.geojson')).headers.get('content-type')).toMatch(/geo\+json/);
    const crossings = (await call('/api/crossings')).body.crossings;
    const nz = crossings.find((c: { id: string }) => c.id === 'nur-zholy-khorgos');
    expect(nz.directions).toHaveLength(2);
    expect(nz.directions[0].operational_units_per_h).toBeGreaterThan(0);
    expect((await call('/api/runs')).body.runs).toEqual([]);
    expect((await call('/api/scenarios')).body.scenarios).toEqual([]);
    expect((await call('/api/openapi.json')).body.openapi).toBe('3.1.0');
    expect((await call('/api/docs')).body).toContain('Caravan API');
    expect((await call('/')).status).toBe(200);
  });

  it('validate takes YAML text', async () => {
    const r = await call('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: 'format: caravan/1\n',
    });
    expect(r.status).toBe(200);
    expect(r.body.valid).toBe(false);
  });

  it('bad input of every kind is a 4xx with issues', async () => {
    const cases: [Promise<{ status: number; body: any }>, number][] = [
      [
        call('/api/routes', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"from":',
        }),
        400,
      ],
      [post('/api/routes', { from: 'xian' }), 400],
      [post('/api/routes', { from: 'xian', to: 'duisbrug' }), 400],
      [post('/api/simulations', { steps: -1 }), 400],
      [post('/api/simulations', { steps: 1.5 }), 400],
      [post('/api/simulations', [1]), 400],
      [post('/api/simulations', { scenario_id: 42 }), 400],
      [post('/api/scenarios', { format: 'caravan-scenario/1' }), 400],
      [post('/api/scenarios/nope', { format: 'caravan-scenario/1', name: 'x' }, 'PUT'), 404],
      [call('/api/simulations/nope'), 404],
      [call('/api/runs?offset=-1'), 400],
      [call('/api/nothing'), 404],
      [
        call('/api/routes', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `{"from":"${'x'.repeat(5 << 20)}"}`,
        }),
        413,
      ],
    ];
    for (const [pending, status] of cases) {
      const r = await pending;
      expect(r.status).toBe(status);
      expect(r.body.issues.length).toBeGreaterThan(0);
    }
  });

  it('the events stream sends progress, then the result', async () => {
    const job = await post('/api/simulations', { steps: 30, step_ms: 15 });
    expect(job.status).toBe(202);
    const r = await fetch(`${base}/api/simulations/${job.body.id}/events`);
    expect(r.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await r.text();
    const events = text
      .split('\n\n')
      .filter((e) => e.startsWith('event:'))
      .map((e) => ({ event: e.split('\n')[0]!.slice(7), data: JSON.parse(e.split('\n')[1]!.slice(6)) }));
    expect(events[0]!.event).toBe('status');
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    const dones = progress.map((e) => e.data.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    const last = events[events.length - 1]!;
    expect(last.event).toBe('done');
    expect(last.data.result).toEqual({ steps: 30, sum: 465, nodes: expect.any(Number) });
  });

  it('a cancelled job ends its stream with "cancelled"', async () => {
    const job = await post('/api/simulations', { steps: 10_000, step_ms: 5 });
    const stream = fetch(`${base}/api/simulations/${job.body.id}/events`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 300));
    const del = await call(`/api/simulations/${job.body.id}`, { method: 'DELETE' });
    expect(del.body.status).toBe('cancelled');
    expect(await stream).toMatch(/event: cancelled\n/);
  });
});
