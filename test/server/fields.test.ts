/** Request fields are the options in snake_case, in bodies, issue paths, job records and OpenAPI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snakeCase } from '../../src/server/http-fields.js';
import { appHarness, type Harness, postJson } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await appHarness();
});
afterAll(async () => h.close());

const post = (url: string, body: unknown) => postJson(h.app, url, body);

describe('snake_case request fields', () => {
  it('names options as the results do', () => {
    expect(snakeCase('valueOfTimeUsdPerH')).toBe('value_of_time_usd_per_h');
    expect(snakeCase('avoidCountries')).toBe('avoid_countries');
    expect(snakeCase('warmup_days')).toBe('warmup_days');
  });

  it('avoid_countries keeps the route out of Russia and Belarus; the camelCase name is an unknown field', async () => {
    const r = await post('/api/routes', { from: 'xian', to: 'duisburg', avoid_countries: ['RU', 'BY'] });
    expect(r.statusCode, r.body).toBe(200);
    const routes = r.json().routes as { countries: string[] }[];
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route.countries).not.toContain('RU');
    const camel = await post('/api/routes', { from: 'xian', to: 'duisburg', avoidCountries: ['RU'] });
    expect(camel.statusCode).toBe(400);
    expect(camel.json().issues[0]).toMatchObject({ code: 'unknown_field', path: 'avoidCountries' });
    expect(camel.json().issues[0].message).toMatch(/avoid_countries/);
  });

  it('an issue path names the field, and a job keeps its options under the same names', async () => {
    const bad = await post('/api/routes', { from: 'xian', to: 'duisburg', max_transshipments: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('max_transshipments');
    const job = await post('/api/simulations', { days: 2, warmup_days: 1, replications: 1 });
    expect(job.statusCode, job.body).toBe(202);
    expect(job.json().options).toMatchObject({ days: 2, warmup_days: 1, replications: 1 });
    await h.app.inject({ method: 'DELETE', url: `/api/simulations/${job.json().id}` });
  });

  it('OpenAPI describes the same fields', async () => {
    const doc = (await h.app.inject('/api/openapi.json')).json();
    const props = Object.keys(doc.components.schemas.RouteOptions.properties);
    expect(props).toContain('avoid_countries');
    expect(props).not.toContain('avoidCountries');
  });
});
