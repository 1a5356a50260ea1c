/**
 * `caravan compare` as a user runs it: its flags are the use case's options (the schema's help and
 * defaults, the same names as the HTTP API's fields), bad values are named at their flag, and a
 * comparison without the simulation says so rather than describing replications it did not run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSES, COMPARE_DEFAULTS, CompareOptions } from '../../src/app/compare.js';
import { fixtureModel } from '../flow/models.js';
import { caravan, DEFAULT, MINI } from '../helpers.js';

/** The mini network against its 24-hour gate. */
const MINI_24H = ['compare', '--network', MINI, '--scenario', 'test/fixtures/mini-24h.yaml'];

describe('caravan compare', () => {
  it("offers every option of the use case as a flag, with the schema's defaults, but the scenarios it reads itself", () => {
    const help = caravan(['compare', '--help']);
    expect(help.code).toBe(0);
    const flags = [...help.stdout.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]);
    const options = Object.keys(CompareOptions.shape)
      .filter((k) => k !== 'scenarios' && k !== 'base_name')
      .map((k) => `--${k.replaceAll('_', '-')}`);
    expect(flags).toEqual(expect.arrayContaining([...options, '--scenario', '--base', '--network']));
    const unfolded = help.stdout.replace(/\s+/g, ' ');
    expect(unfolded).toContain(
      `--days <n> simulated days per replication (default ${COMPARE_DEFAULTS.days})`,
    );
    expect(unfolded).toContain(`(default ${COMPARE_DEFAULTS.replications})`);
    expect(unfolded).toContain(
      `--to-year <year> last year of the outlook (default ${COMPARE_DEFAULTS.toYear})`,
    );
    expect(unfolded).toContain(ANALYSES.join(', '));
  });

  it('names every bad value at its flag, at once, with exit code 2', () => {
    const r = caravan([...MINI_24H, '--days', 'x', '--replications', '1', '--analyses', 'simulation,walk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--days: "x" is not a number');
    expect(r.stderr).toMatch(/--replications: .*2/);
    expect(r.stderr).toMatch(/--analyses: .*"simulation"\|"routes"\|"assignment"\|"outlook"/);
  });

  it('runs only the analyses asked for, and says that no simulation ran', () => {
    const args = [...MINI_24H, '--to-year', '2026'];
    const r = caravan([...args, '--analyses', 'routes,outlook', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.method.analyses).toEqual(['routes', 'outlook']);
    expect(Object.keys(json.scenarios[0].crossings)).toEqual([]);
    const text = caravan([...args, '--analyses', 'routes,outlook']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(
      'Compared base with "mini-24h" on 2024-07-01 (routes, outlook; no simulation).',
    );
    expect(text.stdout).not.toContain('replications');
    expect(text.stdout).not.toContain('95 % confidence interval');
  });

  it("says where a best route's wait is the equilibrium's ration, as caravan route does on each side", () => {
    const routeArgs = ['route', '--network', MINI, '--from', 'alpha-city', '--to', 'gamma', '--json'];
    type Plan = {
      best: number;
      routes: { legs: { kind: string; id: string }[] }[];
      waits: { rationed: string[] };
    };
    const onBest = (p: Plan) =>
      p.routes[p.best]!.legs.filter((l) => l.kind === 'crossing' && p.waits.rationed.includes(l.id)).map(
        (l) => l.id,
      );
    const base = onBest(JSON.parse(caravan(routeArgs).stdout) as Plan);
    const variant = onBest(
      JSON.parse(caravan([...routeArgs, '--scenario', 'test/fixtures/mini-24h.yaml']).stdout) as Plan,
    );
    expect(base).toEqual(['gate']);
    expect(variant).toEqual([]);
    const args = [...MINI_24H, '--analyses', 'routes', '--to-year', '2026'];
    const json = JSON.parse(caravan([...args, '--json']).stdout) as {
      base: { routes: { route: { rationed: string[] } }[] };
      scenarios: { routes: { route: { rationed: string[] } }[] }[];
    };
    expect(json.base.routes[0]!.route.rationed).toEqual(base);
    expect(json.scenarios[0]!.routes[0]!.route.rationed).toEqual(variant);
    expect(caravan(args).stdout).toContain(
      "note: the wait at Alpha–Beta gate (base) is the equilibrium's ration",
    );
    // the report's time–cost–distance chart of that pair says it in its caption
    const dir = mkdtempSync(join(tmpdir(), 'caravan-compare-'));
    try {
      const report = join(dir, 'routes.html');
      expect(caravan([...args, '--report', report]).code).toBe(0);
      expect(readFileSync(report, 'utf8')).toContain(
        "Route planner, analytical waits. The wait at Alpha–Beta gate (base) is the equilibrium's ration, not a forecast of the queue: a difference through it is how far the ration moves.</",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives each best route's rationed shared capacities as caravan route does, and says so", () => {
    type Plan = {
      best: number;
      routes: { legs: { kind: string; id: string }[] }[];
      waits: { shared_rations: { kind: string; id: string; delay_h: number }[] };
    };
    const plan = JSON.parse(
      caravan(['route', '--from', 'xian', '--to', 'duisburg', '--date', '2024-07-01', '--json']).stdout,
    ) as Plan;
    const legs = plan.routes[plan.best]!.legs;
    const expected = plan.waits.shared_rations.filter((x) =>
      legs.some((l) => l.kind === x.kind && l.id === x.id),
    );
    expect(expected.map((x) => x.id)).toEqual(['dostyk-alashankou']);
    const args = ['compare', '--scenario', 'nur-zholy-24h', '--analyses', 'routes'];
    type Side = {
      routes: { from: string; to: string; route: { shared_rations: { id: string; delay_h: number }[] } }[];
    };
    const json = JSON.parse(caravan([...args, '--json']).stdout) as { base: Side; scenarios: Side[] };
    const pair = (side: Side) => side.routes.find((r) => r.from === 'xian' && r.to === 'duisburg')!.route;
    for (const side of [json.base, json.scenarios[0]!]) {
      expect(pair(side).shared_rations.map((x) => x.id)).toEqual(['dostyk-alashankou']);
      expect(Math.abs(pair(side).shared_rations[0]!.delay_h - expected[0]!.delay_h)).toBeLessThanOrEqual(
        0.05,
      );
    }
    const hours = Math.round(pair(json.base).shared_rations[0]!.delay_h);
    expect(caravan(args).stdout).toContain(
      `note: the loaded network rations the capacity both directions share at Dostyk–Alashankou (base ${hours} h, scenario ${hours} h)`,
    );
  });

  it("names a crossing in the outlook's headlines by its name, as the network gives it", () => {
    const args = ['compare', '--scenario', 'nur-zholy-24h', '--analyses', 'outlook'];
    type Saturation = {
      kind: string;
      id: string;
      base_first_year: number | null;
      scenario_first_year: number | null;
    };
    const json = JSON.parse(caravan([...args, '--json']).stdout) as {
      scenarios: { outlook_differences: Saturation[] }[];
    };
    const changed = json.scenarios[0]!.outlook_differences.filter(
      (d) => d.base_first_year !== d.scenario_first_year,
    );
    const crossings = changed.slice(0, 3).filter((d) => d.kind === 'crossing');
    expect(crossings.length).toBeGreaterThan(0);
    const name = new Map(fixtureModel(DEFAULT).crossings.map((c) => [c.id, c.name]));
    const text = caravan(args).stdout;
    for (const d of crossings) {
      expect(name.get(d.id)).not.toBe(d.id);
      expect(text).toContain(
        `Outlook: ${name.get(d.id)} saturates in ${d.scenario_first_year} (base: ${d.base_first_year}).`,
      );
    }
  });

  it('writes a report that describes only the analyses run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-compare-'));
    try {
      const report = join(dir, 'routes.html');
      const r = caravan([...MINI_24H, '--analyses', 'routes', '--report', report]);
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(report, 'utf8');
      expect(html).toContain('<p class="meta">Network on 2024-07-01; only routes.</p>');
      for (const absent of [
        'replications',
        'Simulation:',
        'Common random numbers',
        'Outlook:',
        'Assignment:',
      ])
        expect(html, absent).not.toContain(absent);
      expect(html).toContain('<p>Routes: the best route by expected time');
      // the summary counts the pairs whose best route or expected time changes, as the JSON has them
      type Pair = { base_label: string; scenario_label: string; time_h: { difference: number } };
      const json = JSON.parse(caravan([...MINI_24H, '--analyses', 'routes', '--json']).stdout) as {
        scenarios: { title: string; route_differences: Pair[] }[];
      };
      const s = json.scenarios[0]!;
      const rerouted = s.route_differences.filter((x) => x.base_label !== x.scenario_label).length;
      const hourOrMore = s.route_differences.filter((x) => Math.abs(x.time_h.difference) >= 1).length;
      expect(rerouted + hourOrMore).toBeGreaterThan(0);
      expect(html).toContain(
        `<p class="summary">${s.title}: of ${s.route_differences.length} origin–destination pair${s.route_differences.length === 1 ? '' : 's'}, the best route changes for ${rerouted} and its expected time by an hour or more for ${hourOrMore}.</p>`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
