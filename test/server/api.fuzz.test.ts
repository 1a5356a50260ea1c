/**
 * Fuzzing the API: random bodies (any JSON, broken JSON text, the right fields with wrong values),
 * random query strings and ids, sent to every endpoint, always give a 2xx or a 4xx with an issue
 * list, never a 500 or a hang. Bounded in `npm test`; CARAVAN_FUZZ_SCALE scales it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz } from '../reliability/fuzz/fuzz.js';
import { type Harness, harness } from './harness.js';

let h: Harness;
beforeAll(() => {
  h = harness({ workers: 1 });
});
afterAll(async () => {
  await h.close();
});

const FIELDS = [
  'from',
  'to',
  'steps',
  'step_ms',
  'crash',
  'scenario_id',
  'format',
  'name',
  'changes',
  'remove',
  'add',
  'nodes',
];

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue()).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: fc.constantFrom(
    '/api/routes',
    '/api/simulations',
    '/api/scenarios',
    '/api/validate',
    '/api/runs',
    '/api/health',
    '/api/network',
  ),
  id: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  query: fc.option(
    fc.dictionary(fc.constantFrom('limit', 'offset', 'kind', 'status', 'x'), fc.string({ maxLength: 12 })),
    {
      nil: undefined,
    },
  ),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/yaml', 'application/xml', ''),
  body,
});

describe('API fuzz', () => {
  it('never answers 500, and every error is an issue list', async () => {
    await fuzz(
      'api',
      request,
      async (r) => {
        const url =
          r.path +
          (r.id !== undefined ? `/${encodeURIComponent(r.id)}` : '') +
          (r.query ? `?${new URLSearchParams(r.query).toString()}` : '');
        const res = await h.app.inject({
          method: r.method as 'GET',
          url,
          ...(r.method === 'GET' || r.method === 'DELETE'
            ? {}
            : { headers: r.contentType ? { 'content-type': r.contentType } : {}, payload: r.body }),
        });
        expect(res.statusCode, `${r.method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const issues = (res.json() as { issues?: unknown[] }).issues;
          expect(Array.isArray(issues) && issues.length > 0, res.body).toBe(true);
        }
        // A job started by a valid body is not left to hold the worker.
        if (res.statusCode === 202)
          await h.app.inject({ method: 'DELETE', url: `/api/simulations/${res.json().id}` });
      },
      { runs: 300, seconds: 20 },
    );
  });
});
