/**
 * A job over a size limit is refused with a 422 naming the limit before it is accepted: no 202 and
 * no job left to fail later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

const REGISTRY = new URL('../../dist/app/index.js', import.meta.url).href;
let h: Harness;
beforeAll(async () => {
  const { useCases } = await import(REGISTRY);
  h = harness({ useCases, registryUrl: REGISTRY });
});
afterAll(async () => h.close());

const post = (url: string, body: unknown) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

describe('limits before the work', () => {
  it.each([
    ['/api/simulations', { days: 3000, replications: 1000 }],
    [
      '/api/comparisons',
      {
        scenarios: [{ name: 'noop', scenario: { format: 'caravan-scenario/1' } }],
        days: 3000,
        replications: 1000,
      },
    ],
  ])('%s over replication_days is a 422 and starts no job', async (url, body) => {
    const before = h.store.jobs({ limit: 500, offset: 0 }).total;
    const r = await post(url, body);
    expect(r.statusCode, r.body).toBe(422);
    const issue = r.json().issues.find((i: { path: string }) => i.path === 'limits.replication_days');
    // (3000 + 30 drain days) × 1000 replications = 3,030,000 replication-days > 100,000
    expect(issue.message).toMatch(/3,030,000/);
    expect(issue.message).toMatch(/raise .*replication_days/);
    expect(h.store.jobs({ limit: 500, offset: 0 }).total).toBe(before);
  });
});
