/**
 * A job over a size limit is refused with a 422 naming the limit before it is accepted: no 202 and
 * no job left to fail later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHarness, type Harness, postJson } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await appHarness();
});
afterAll(async () => h.close());

const post = (url: string, body: unknown) => postJson(h.app, url, body);

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
