import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../src/network/compile.js';
import { networkCapacity } from '../../src/network/operational-capacity.js';
import { fixtureModel } from '../flow/models.js';
import { caravan, DEFAULT, MINI } from '../helpers.js';

describe('caravan validate', () => {
  it('a file with three typos gets three messages with suggestions, each with its line, and exit code 2', () => {
    const r = caravan(['validate', 'test/fixtures/typos.yaml']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^test\/fixtures\/typos.yaml:31: links\[1\]\.from: unknown node "beta-gat" \(did you mean "beta-gate"/,
    );
    expect(lines[1]).toMatch(/^test\/fixtures\/typos.yaml:42: crossings\[0\]\.mode: .*did you mean .*"road"/);
    expect(lines[2]).toMatch(
      /^test\/fixtures\/typos.yaml:61: services\[0\]\.distnace_km: .*did you mean "distance_km"/,
    );
    expect(lines[3]).toContain('invalid (3 errors');
    expect(r.stderr).toBe('');
  });

  it('--json prints the issues as {code, path, message}', () => {
    const r = caravan(['validate', 'test/fixtures/typos.yaml', '--json']);
    expect(r.code).toBe(2);
    const issues = JSON.parse(r.stdout);
    expect(issues.map((i: { code: string; path: string }) => `${i.code} ${i.path}`)).toEqual([
      'unknown_reference links[1].from',
      'invalid_value crossings[0].mode',
      'unknown_field services[0].distnace_km',
    ]);
  });

  it('a valid file exits 0', () => {
    const r = caravan(['validate', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid (0 errors, 0 warnings): 5 nodes');
  });

  it('a missing file is a user error with the path, not a stack trace', () => {
    const r = caravan(['network', 'info', '--network', 'no/such.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such.yaml: no such file');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a YAML syntax error names the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'format: caravan/1\nnodes: [\n');
    const r = caravan(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/bad\.yaml:\d+: .*fix the syntax/);
  });
});

describe('caravan usage errors', () => {
  it('an unknown command or option exits 2 with a hint', () => {
    const a = caravan(['simulat']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("unknown command 'simulat'");
    const b = caravan(['network', 'info', '--bogus']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("unknown option '--bogus'");
  });

  it('--help exits 0', () => {
    const r = caravan(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: caravan');
  });

  it('--version prints the package version alone, as does -V', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V'])
      expect(caravan([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('caravan network', () => {
  it('info lists counts, countries and crossings with capacities', () => {
    const r = caravan(['network', 'info', '--network', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 nodes, 2 links, 1 crossings, 1 services');
    expect(r.stdout).toMatch(/gate\s+Alpha–Beta gate\s+road\s+CN-KZ\s+2\s+Mon-Sat 09:00-18:00\s+2\.0/);
  });

  it('info --json is plain data', () => {
    const info = JSON.parse(caravan(['network', 'info', '--network', MINI, '--json']).stdout);
    expect(info.counts.nodes).toBe(5);
    expect(info.crossings[0]).toMatchObject({
      id: 'gate',
      countries: 'CN-KZ',
      capacity_t_per_year: 2_000_000,
    });
  });

  it('export --format geojson --out writes a FeatureCollection; a bad format writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-'));
    const out = join(dir, 'net.geojson');
    expect(caravan(['network', 'export', '--network', MINI, '--format', 'geojson', '--out', out]).code).toBe(
      0,
    );
    const g = JSON.parse(readFileSync(out, 'utf8'));
    expect(g.type).toBe('FeatureCollection');
    expect(
      g.features.every((f: { geometry: { coordinates: unknown[] } }) => f.geometry.coordinates.length > 0),
    ).toBe(true);
    const bad = join(dir, 'bad.geojson');
    const r = caravan(['network', 'export', '--network', MINI, '--format', 'kml', '--out', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format: unknown format "kml"');
    expect(existsSync(bad)).toBe(false);
  });

  it('export --format json prints the validated model, which validates again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-'));
    const out = join(dir, 'net.json');
    expect(caravan(['network', 'export', '--network', MINI, '--format', 'json', '--out', out]).code).toBe(0);
    expect(caravan(['validate', out]).code).toBe(0);
  });
});

describe('caravan overview (the terminal part of npm start)', () => {
  it('validates the default network and shows the corridors and the rail outlook', () => {
    const r = caravan(['overview']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Validated data\/eurasia\/network.yaml: no errors, 0 warnings/);
    expect(r.stdout).toMatch(/Northern via .*\n(.*\n)*.*Middle Corridor via .*\n(.*\n)*.*Sea via /);
    // In 2028, with the third crossing open, the China–Kazakhstan rail crossings of the network the
    // outlook reads carry at most their directions' operational capacities, each crossing capped by
    // its declared capacity for both directions.
    const model = fixtureModel(DEFAULT);
    const net = compileNetwork(model);
    const caps = networkCapacity(net);
    const country = new Map(model.nodes.map((n) => [n.id, n.country]));
    let pooled = 0;
    model.crossings.forEach((c, i) => {
      const border = [country.get(c.from), country.get(c.to)].sort().join('-');
      if (c.mode !== 'rail' || border !== 'CN-KZ') return;
      const x = caps.crossings[i]!;
      pooled += Math.min(
        x.sides.reduce((s, d) => s + (d ? d.effectiveTPerYear : 0), 0),
        x.sharedTPerYear,
      );
    });
    expect(r.stdout).toMatch(
      new RegExp(`2028\\s+[\\d.]+\\s+${(pooled / 1e6).toFixed(1).replace('.', '\\.')}\\s`),
    );
  });
});

describe('caravan validate --scenario', () => {
  it('validates a network with a scenario applied', () => {
    const ok = caravan(['validate', MINI, '--scenario', 'test/fixtures/mini-24h.yaml']);
    expect(ok.code).toBe(0);
    const bad = caravan(['validate', MINI, '--scenario', MINI, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).map((i: { code: string }) => i.code)).toEqual(['wrong_format']);
  });
});
