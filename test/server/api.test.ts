/**
 * The API in-process (inject): every endpoint, and every kind of bad input answered with a 4xx and
 * `{"issues": […]}`, never a 500. The use cases here are the fixtures (test/server/fixtures), whose
 * answers are known: the job machinery is tested apart from the analyses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, waitForEnd } from './harness.js';

let h: Harness;
beforeAll(() => {
  h = harness({ workers: 1 });
});
afterAll(async () => {
  await h.close();
});

const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify(body),
});

function expectIssues(r: { statusCode: number; json(): unknown }, status: number) {
  expect(r.statusCode).toBe(status);
  const body = r.json() as { issues: { code: string; path: string; message: string }[] };
  expect(Array.isArray(body.issues)).toBe(true);
  expect(body.issues.length).toBeGreaterThan(0);
  for (const i of body.issues) {
    expect(typeof i.code).toBe('string');
    expect(typeof i.path).toBe('string');
    expect(i.message.length).toBeGreaterThan(5);
  }
  return body.issues;
}

describe('health and the network', () => {
  it('GET /api/health answers ok with the job counts', async () => {
    const r = await h.app.inject('/api/health');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.status).toBe('ok');
    expect(body.jobs.workers).toBe(1);
    expect(body.db_schema_version).toBe(1);
  });

  it('GET /api/network is the validated model with its nodes, links and crossings', async () => {
    const r = await h.app.inject('/api/network');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    const model = r.json();
    expect(model.nodes.some((n: { name: string }) => n.name === "Xi'an")).toBe(true);
    expect(model.crossings.length).toBeGreaterThan(5);
  });

  it('GET /api/network.geojson has one Point per node and one LineString per link', async () => {
    const [model, geo] = await Promise.all([
      h.app.inject('/api/network'),
      h.app.inject('/api/network.geojson'),
    ]);
    const m = model.json();
    const g = geo.json();
    expect(g.type).toBe('FeatureCollection');
    const points = g.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Point');
    expect(points.length).toBe(m.nodes.length);
    expect(g.features.length).toBe(m.nodes.length + m.links.length + m.crossings.length + m.services.length);
  });

  it('security headers are on every answer', async () => {
    const r = await h.app.inject('/api/health');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});

describe('POST /api/validate', () => {
  it('a valid network (JSON) is valid with its counts', async () => {
    const model = (await h.app.inject('/api/network')).json();
    const r = await h.app.inject({ method: 'POST', url: '/api/validate', ...json(model) });
    expect(r.statusCode).toBe(200);
    expect(r.json().valid).toBe(true);
    expect(r.json().counts.nodes).toBe(model.nodes.length);
  });

  it('a broken network (YAML) lists its issues with lines', async () => {
    const yaml =
      'format: caravan/1\nnodes:\n  - id: a\n    name: A\n    country: XX\n    lon: 10\n    lat: 50\n';
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'application/yaml' },
      payload: yaml,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.valid).toBe(false);
    expect(body.errors).toBeGreaterThan(0);
    expect(body.issues.some((i: { line?: number }) => typeof i.line === 'number')).toBe(true);
  });

  it('malformed JSON is an issue in JSON wording, not a 500', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"format": "caravan/1",',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().valid).toBe(false);
    expect(r.json().issues[0].message).toMatch(/JSON/);
  });

  it('an empty body is a 400', async () => {
    expectIssues(await h.app.inject({ method: 'POST', url: '/api/validate', payload: '' }), 400);
  });
});

describe('bad input anywhere is a 4xx with issues', () => {
  it('malformed JSON → 400', async () => {
    const issues = expectIssues(
      await h.app.inject({
        method: 'POST',
        url: '/api/routes',
        headers: { 'content-type': 'application/json' },
        payload: '{"from": ',
      }),
      400,
    );
    expect(issues[0]!.message).toMatch(/not valid JSON/);
  });

  it('an empty JSON body → 400', async () => {
    expectIssues(
      await h.app.inject({
        method: 'POST',
        url: '/api/routes',
        headers: { 'content-type': 'application/json' },
        payload: '',
      }),
      400,
    );
  });

  it('a body that is not an object → 400', async () => {
    for (const payload of ['[1,2]', '42', '"text"', 'null']) {
      expectIssues(
        await h.app.inject({
          method: 'POST',
          url: '/api/simulations',
          headers: { 'content-type': 'application/json' },
          payload,
        }),
        400,
      );
    }
  });

  it('wrong types → 400 naming the field', async () => {
    const issues = expectIssues(
      await h.app.inject({ method: 'POST', url: '/api/simulations', ...json({ steps: 'ten' }) }),
      400,
    );
    expect(issues[0]).toMatchObject({ code: 'invalid_type', path: 'steps' });
  });

  it('out of range → 400 naming the field and the bound', async () => {
    const issues = expectIssues(
      await h.app.inject({ method: 'POST', url: '/api/simulations', ...json({ steps: 0 }) }),
      400,
    );
    expect(issues[0]!.path).toBe('steps');
    expect(issues[0]!.message).toMatch(/at least 1/);
  });

  it('an unknown place → 400 with "did you mean"', async () => {
    const issues = expectIssues(
      await h.app.inject({ method: 'POST', url: '/api/routes', ...json({ from: 'duisburgg', to: 'xian' }) }),
      400,
    );
    expect(issues[0]).toMatchObject({ code: 'unknown_reference', path: 'from' });
    expect(issues[0]!.message).toMatch(/did you mean "duisburg"/);
  });

  it('an unknown scenario id → 400', async () => {
    const issues = expectIssues(
      await h.app.inject({ method: 'POST', url: '/api/simulations', ...json({ scenario_id: 'nope' }) }),
      400,
    );
    expect(issues[0]!.path).toBe('scenario_id');
  });

  it('a body over the limit → 413 naming the limit', async () => {
    const big = JSON.stringify({ from: 'x'.repeat(5 * 1024 * 1024), to: 'y' });
    const issues = expectIssues(
      await h.app.inject({
        method: 'POST',
        url: '/api/routes',
        headers: { 'content-type': 'application/json' },
        payload: big,
      }),
      413,
    );
    expect(issues[0]!.message).toMatch(/file_bytes/);
  });

  it('a body that is not JSON → 415, or 400 for plain text', async () => {
    expectIssues(
      await h.app.inject({
        method: 'POST',
        url: '/api/routes',
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      }),
      415,
    );
    expectIssues(
      await h.app.inject({
        method: 'POST',
        url: '/api/routes',
        headers: { 'content-type': 'text/plain' },
        payload: 'from=a',
      }),
      400,
    );
  });

  it('unknown endpoints and unknown ids → 404', async () => {
    expectIssues(await h.app.inject('/api/nothing'), 404);
    expectIssues(await h.app.inject({ method: 'POST', url: '/api/nothing', ...json({}) }), 404);
    expectIssues(await h.app.inject('/api/simulations/0000'), 404);
    expectIssues(await h.app.inject('/api/simulations/0000/events'), 404);
    expectIssues(await h.app.inject({ method: 'DELETE', url: '/api/simulations/0000' }), 404);
    expectIssues(await h.app.inject('/api/scenarios/0000'), 404);
    expectIssues(await h.app.inject('/api/runs/0000'), 404);
  });

  it('bad query parameters → 400 naming them', async () => {
    const issues = expectIssues(await h.app.inject('/api/runs?limit=0'), 400);
    expect(issues[0]!.path).toBe('query.limit');
    expectIssues(await h.app.inject('/api/runs?status=sleeping'), 400);
    const unknown = expectIssues(await h.app.inject('/api/runs?limt=5'), 400);
    expect(unknown[0]!.message).toMatch(/did you mean "limit"/);
  });
});

describe('a synchronous use case (POST /api/routes)', () => {
  it('answers the result and records the run', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/routes',
      ...json({ from: 'xian', to: 'duisburg' }),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ from: 'xian', to: 'duisburg' });
    const run = await h.app.inject(`/api/runs/${r.headers['x-caravan-run']}`);
    expect(run.json()).toMatchObject({
      kind: 'route',
      status: 'done',
      result: { from: 'xian', to: 'duisburg' },
    });
  });
});

describe('jobs (POST /api/simulations)', () => {
  it('202 with an id; progress; the result once done', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 20, step_ms: 2 }),
    });
    expect(r.statusCode).toBe(202);
    const { id } = r.json();
    expect(r.headers.location).toBe(`/api/simulations/${id}`);
    const done = await waitForEnd(h.app, `/api/simulations/${id}`);
    expect(done).toMatchObject({ status: 'done', result: { steps: 20, sum: 210 } });
    expect(done.progress).toEqual({ phase: 'counting', done: 20, total: 20 });
  });

  it('the events stream of an ended job sends its end at once', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 3, step_ms: 0 }),
    });
    const { id } = r.json();
    await waitForEnd(h.app, `/api/simulations/${id}`);
    const ev = await h.app.inject(`/api/simulations/${id}/events`);
    expect(ev.headers['content-type']).toMatch(/text\/event-stream/);
    expect(ev.body).toMatch(/^event: done\ndata: /);
    expect(JSON.parse(ev.body.split('data: ')[1]!).result.sum).toBe(6);
  });

  it('DELETE cancels a running job; a second DELETE is a 409', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 10_000, step_ms: 5 }),
    });
    const { id } = r.json();
    const del = await h.app.inject({ method: 'DELETE', url: `/api/simulations/${id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json().status).toBe('cancelled');
    expectIssues(await h.app.inject({ method: 'DELETE', url: `/api/simulations/${id}` }), 409);
    // The pool has a fresh worker: the next job runs.
    const next = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 4, step_ms: 0 }),
    });
    expect(await waitForEnd(h.app, `/api/simulations/${next.json().id}`)).toMatchObject({
      status: 'done',
      result: { sum: 10 },
    });
  });

  it('a queued job can be cancelled before it starts', async () => {
    const long = (
      await h.app.inject({ method: 'POST', url: '/api/simulations', ...json({ steps: 10_000, step_ms: 5 }) })
    ).json();
    const queued = (
      await h.app.inject({ method: 'POST', url: '/api/simulations', ...json({ steps: 2 }) })
    ).json();
    expect(queued.status).toBe('queued');
    const del = await h.app.inject({ method: 'DELETE', url: `/api/simulations/${queued.id}` });
    expect(del.json()).toMatchObject({ status: 'cancelled', started_at: null });
    await h.app.inject({ method: 'DELETE', url: `/api/simulations/${long.id}` });
  });

  it('a worker that dies fails its job, and the pool goes on', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 4, step_ms: 0, crash: true }),
    });
    const failed = await waitForEnd(h.app, `/api/simulations/${r.json().id}`);
    expect(failed.status).toBe('failed');
    expect((failed.issues as { code: string }[])[0]!.code).toBe('internal_error');
    const next = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 3, step_ms: 0 }),
    });
    expect(await waitForEnd(h.app, `/api/simulations/${next.json().id}`)).toMatchObject({ status: 'done' });
  });

  it('health answers while a job holds its worker', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 100, step_ms: 20 }),
    });
    const t = performance.now();
    const health = await h.app.inject('/api/health');
    expect(health.json().jobs.running).toBe(1);
    expect(performance.now() - t).toBeLessThan(1000);
    await h.app.inject({ method: 'DELETE', url: `/api/simulations/${r.json().id}` });
  });
});

describe('scenarios', () => {
  const scenario = {
    format: 'caravan-scenario/1',
    name: 'Nur Zholy around the clock',
    changes: { crossings: { 'nur-zholy-khorgos': { hours: '24/7' } } },
  };

  it('create, read, list, replace, delete', async () => {
    const c = await h.app.inject({ method: 'POST', url: '/api/scenarios', ...json(scenario) });
    expect(c.statusCode).toBe(201);
    const { id } = c.json();
    expect(c.json().name).toBe(scenario.name);
    expect((await h.app.inject(`/api/scenarios/${id}`)).json().scenario).toEqual(scenario);
    expect(
      (await h.app.inject('/api/scenarios')).json().scenarios.map((s: { id: string }) => s.id),
    ).toContain(id);
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      ...json({ ...scenario, name: 'renamed' }),
    });
    expect(put.json().name).toBe('renamed');
    // A job on the scenario's network.
    const job = await h.app.inject({
      method: 'POST',
      url: '/api/simulations',
      ...json({ steps: 1, step_ms: 0, scenario_id: id }),
    });
    expect(job.json().scenario_id).toBe(id);
    await waitForEnd(h.app, `/api/simulations/${job.json().id}`);
    expect((await h.app.inject({ method: 'DELETE', url: `/api/scenarios/${id}` })).statusCode).toBe(204);
    expectIssues(await h.app.inject(`/api/scenarios/${id}`), 404);
    expectIssues(await h.app.inject({ method: 'PUT', url: `/api/scenarios/${id}`, ...json(scenario) }), 404);
  });

  it('a scenario naming an unknown crossing → 400 with a suggestion', async () => {
    const bad = { ...scenario, changes: { crossings: { 'nur-zholy-khorgoss': { hours: '24/7' } } } };
    const issues = expectIssues(
      await h.app.inject({ method: 'POST', url: '/api/scenarios', ...json(bad) }),
      400,
    );
    expect(issues[0]!.message).toMatch(/did you mean "nur-zholy-khorgos"/);
  });

  it('a network is not a scenario → 400', async () => {
    expectIssues(
      await h.app.inject({ method: 'POST', url: '/api/scenarios', ...json({ format: 'caravan/1' }) }),
      400,
    );
  });
});

describe('runs history', () => {
  it('lists runs newest first, filtered by kind and status', async () => {
    const r = await h.app.inject('/api/runs?kind=simulate&status=done&limit=2');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.runs.length).toBeLessThanOrEqual(2);
    expect(body.total).toBeGreaterThanOrEqual(body.runs.length);
    for (const run of body.runs) expect(run).toMatchObject({ kind: 'simulate', status: 'done' });
    const times = body.runs.map((x: { created_at: string }) => x.created_at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('OpenAPI', () => {
  it('describes every endpoint with the options schema of its use case', async () => {
    const doc = (await h.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/health',
      '/api/network',
      '/api/validate',
      '/api/scenarios/{id}',
      '/api/runs',
      '/api/routes',
      '/api/simulations/{id}/events',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.components.schemas.SimulateOptions.properties.steps).toMatchObject({
      type: 'integer',
      minimum: 1,
      default: 10,
    });
  });

  it('the reference page lists the endpoints', async () => {
    const r = await h.app.inject('/api/docs');
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('/api/simulations/{id}/events');
  });
});

describe('unknown fields', () => {
  it('a misspelt option → 400 with "did you mean"', async () => {
    const issues = expectIssues(
      await h.app.inject({ method: 'POST', url: '/api/simulations', ...json({ stpes: 3 }) }),
      400,
    );
    expect(issues[0]).toMatchObject({ code: 'unknown_field', path: 'stpes' });
    expect(issues[0]!.message).toMatch(/did you mean .*"steps"/);
  });
});

describe('fixed answers are cached and compressed', () => {
  it('GET /api/network gzipped is the same JSON; a matching ETag is a 304', async () => {
    const { gunzipSync } = await import('node:zlib');
    const plain = await h.app.inject('/api/network');
    const zipped = await h.app.inject({
      url: '/api/network',
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    const etag = String(plain.headers.etag);
    const again = await h.app.inject({ url: '/api/network', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('every bad value at once', () => {
  it('a wrong type and an unknown place are reported together', async () => {
    const issues = expectIssues(
      await h.app.inject({
        method: 'POST',
        url: '/api/routes',
        ...json({ from: 'xian', to: 'duisbrug', max_legs: 'many' }),
      }),
      400,
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['max_legs', 'to']);
  });
});
