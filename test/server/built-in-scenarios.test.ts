/**
 * GET /api/scenarios/built-in: the scenarios that ship with the embedded network, each one a
 * document the server itself accepts (as a stored scenario) and can compare by name; none listed
 * for a server given no built-ins (another network).
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS_DIR, builtInScenarios } from '../../src/io/scenario-file.js';
import { type Harness, harness } from './harness.js';

const withBuiltIns = harness({ builtInScenarios: builtInScenarios() });
const without: Harness = harness();

afterAll(async () => {
  await withBuiltIns.close();
  await without.close();
});

interface Listed {
  name: string;
  title: string;
  description: string | null;
  date: string | null;
  scenario: { format: string; name: string };
}

describe('GET /api/scenarios/built-in', () => {
  it('lists every scenario file of data/eurasia/scenarios, by its file name, with its document', async () => {
    const r = await withBuiltIns.app.inject({ method: 'GET', url: '/api/scenarios/built-in' });
    expect(r.statusCode).toBe(200);
    const { scenarios } = r.json() as { scenarios: Listed[] };
    const files = readdirSync(BUILT_IN_SCENARIOS_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(scenarios.map((s) => s.name)).toEqual(files);
    for (const s of scenarios) {
      expect(s.scenario.format).toBe('caravan-scenario/1');
      expect(s.title).toBe(s.scenario.name);
    }
    expect(scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['nur-zholy-24h', 'third-railway']));
  });

  it('each document is accepted by the server as a scenario of its network', async () => {
    const { scenarios } = (
      await withBuiltIns.app.inject({ method: 'GET', url: '/api/scenarios/built-in' })
    ).json() as { scenarios: Listed[] };
    for (const s of scenarios) {
      const r = await withBuiltIns.app.inject({ method: 'POST', url: '/api/scenarios', payload: s.scenario });
      expect(r.statusCode, `${s.name}: ${r.body}`).toBe(201);
    }
  });

  it('is an empty list for a server given none, and is not taken for a stored scenario id', async () => {
    const r = await without.app.inject({ method: 'GET', url: '/api/scenarios/built-in' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ scenarios: [] });
    expect((await without.app.inject({ method: 'DELETE', url: '/api/scenarios/built-in' })).statusCode).toBe(
      404,
    );
  });

  it('is in the OpenAPI description', async () => {
    const doc = (await without.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain('/api/scenarios/built-in');
  });
});
