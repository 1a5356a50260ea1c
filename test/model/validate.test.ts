import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/model/load.js';
import { validateNetwork } from '../../src/model/validate.js';
import { codes, mini } from '../helpers.js';

describe('validateNetwork: the mini fixture', () => {
  it('is valid with no warnings, and defaults are filled in', () => {
    const r = validateNetwork(mini());
    expect(r.issues).toEqual([]);
    expect(r.model?.links[1]!.id).toBe('beta-gate-beta-rail');
    expect(r.model?.links[0]!.bidirectional).toBe(true);
    expect(r.model?.crossings[0]!.steps[0]!.probability).toBe(1);
    expect(r.model?.crossings[0]!.steps[0]!.repeat).toBe(0);
  });
});

/** Each rule: one broken fixture, the expected issue code and path. */
const BROKEN: [string, (n: Record<string, any>) => void, string][] = [
  ['unknown node reference', (n) => (n.links[0].to = 'alpha-gat'), 'unknown_reference links[0].to'],
  [
    'unknown node in a crossing',
    (n) => (n.crossings[0].from = 'nowhere'),
    'unknown_reference crossings[0].from',
  ],
  ['unknown node in a service', (n) => (n.services[0].to = 'gama'), 'unknown_reference services[0].to'],
  ['unknown node in demand', (n) => (n.demand[0].to = 'omega'), 'unknown_reference demand[0].to'],
  ['duplicate node id', (n) => (n.nodes[1].id = 'alpha'), 'duplicate_id nodes[1].id'],
  [
    'duplicate id across links and crossings',
    (n) => (n.crossings[0].id = 'alpha-gate-road'),
    'duplicate_id crossings[0].id',
  ],
  ['crossing within one country', (n) => (n.nodes[1].country = 'KZ'), 'same_country_crossing crossings[0]'],
  ['zero distance', (n) => (n.links[0].distance_km = 0), 'non_positive links[0].distance_km'],
  ['negative distance', (n) => (n.services[0].distance_km = -5), 'non_positive services[0].distance_km'],
  [
    'unreachable node',
    (n) =>
      n.nodes.push({
        id: 'island',
        name: 'Island',
        country: 'KZ',
        kind: 'city',
        lon: 1,
        lat: 1,
        provenance: { 'lon, lat': 'handbook' },
      }),
    'unreachable_node nodes[5]',
  ],
  [
    'negative mean',
    (n) => (n.links[1].time = 'lognormal(mean=-8h, sd=2h)'),
    'invalid_distribution links[1].time',
  ],
  [
    'unknown distribution',
    (n) => (n.crossings[0].steps[0].time = 'weibull(1h, 2h)'),
    'invalid_distribution crossings[0].steps[0].time',
  ],
  [
    'probability above 1',
    (n) => (n.crossings[0].steps[1].probability = 1.3),
    'probability_range crossings[0].steps[1].probability',
  ],
  [
    'negative repeat probability',
    (n) => (n.crossings[0].steps[1].repeat = -0.1),
    'probability_range crossings[0].steps[1].repeat',
  ],
  ['bad country code', (n) => (n.nodes[0].country = 'XX'), 'bad_country nodes[0].country'],
  ['lower-case country code', (n) => (n.nodes[0].country = 'cn'), 'bad_country nodes[0].country'],
  [
    'impossible calendar',
    (n) => (n.crossings[0].hours = 'Mon-Sat 09:00-27:00'),
    'bad_calendar crossings[0].hours',
  ],
  ['unknown day', (n) => (n.crossings[0].hours = 'Mon-Sam 09:00-18:00'), 'bad_calendar crossings[0].hours'],
  ['unknown time zone', (n) => (n.crossings[0].tz = 'Asia/Almatyy'), 'bad_timezone crossings[0].tz'],
  [
    'closing before opening',
    (n) => Object.assign(n.links[0], { opens: '2027-01-01', closes: '2026-01-01' }),
    'bad_date links[0].closes',
  ],
  ['malformed date', (n) => (n.links[0].opens = '2027-13-01'), 'bad_date links[0].opens'],
  [
    'demand between unconnected nodes',
    (n) => Object.assign(n.services[0], { bidirectional: false, from: 'gamma', to: 'beta' }),
    'demand_unconnected demand[0]',
  ],
  ['link without time or speed', (n) => delete n.links[0].speed_kmh, 'missing_time links[0]'],
  ['rail link without gauge', (n) => delete n.links[1].gauge_mm, 'missing_field links[1].gauge_mm'],
  ['wrong gauge', (n) => (n.links[1].gauge_mm = 1000), 'invalid_type links[1].gauge_mm'],
  [
    'misspelt field',
    (n) => ((n.links[0].distnace_km = 5), delete n.links[0].distance_km),
    'unknown_field links[0].distnace_km',
  ],
  ['missing required field', (n) => delete n.nodes[0].name, 'missing_field nodes[0].name'],
  ['wrong type', (n) => (n.crossings[0].lanes = 'two'), 'invalid_type crossings[0].lanes'],
  ['unknown mode', (n) => (n.links[0].mode = 'air'), 'invalid_value links[0].mode'],
  ['demand without quantity', (n) => delete n.demand[0].units_per_day, 'missing_quantity demand[0]'],
  ['unknown unit', (n) => (n.demand[0].unit = 'lorry'), 'unknown_reference demand[0].unit'],
  [
    'service without schedule',
    (n) => Object.assign(n.services[0], { departs_when_full: false, departures_per_week: undefined }),
    'missing_field services[0]',
  ],
  ['bad id', (n) => (n.nodes[0].id = 'Alpha City'), 'invalid_id nodes[0].id'],
  [
    'unknown source',
    (n) => (n.links[0].provenance = { '*': 'handbok' }),
    'unknown_source links[0].provenance.*',
  ],
  [
    'provenance of a missing field',
    (n) => (n.links[0].provenance.speed_kmhh = 'handbook'),
    'unknown_provenance_field links[0].provenance.speed_kmhh',
  ],
  ['wrong format', (n) => (n.format = 'caravan/2'), 'wrong_format format'],
  ['unknown top-level field', (n) => (n.linkz = []), 'unknown_field linkz'],
  ['nodes not a list', (n) => (n.nodes = { alpha: {} }), 'invalid_type nodes'],
];

describe('validateNetwork: every rule, each on a broken fixture', () => {
  it.each(BROKEN)('%s', (_name, breakIt, expected) => {
    const n = mini();
    breakIt(n);
    const r = validateNetwork(n);
    expect(r.issues.map((i) => `${i.code} ${i.path}`)).toContain(expected);
    expect(r.model).toBeUndefined();
  });

  it('reports every problem at once, without cascades from a broken entry', () => {
    const n = mini();
    n.links[0].to = 'alpha-gat';
    n.nodes[0].country = 'XX';
    n.crossings[0].steps[1].probability = 2;
    n.nodes[1].lon = 'east'; // the node fails the schema, yet references to it are not reported
    expect(codes(n).sort()).toEqual(
      [
        'bad_country nodes[0].country',
        'invalid_type nodes[1].lon',
        'probability_range crossings[0].steps[1].probability',
        'unknown_reference links[0].to',
      ].sort(),
    );
  });

  it('warns about missing provenance in a file that lists sources', () => {
    const n = mini();
    delete n.links[0].provenance;
    const r = validateNetwork(n);
    expect(r.model).toBeDefined();
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'missing_provenance',
        path: 'links[0].provenance',
        severity: 'warning',
      }),
    ]);
    expect(r.issues[0]!.message).toContain('distance_km');
  });

  it('does not ask for provenance in a file without sources', () => {
    const n = mini();
    n.sources = [];
    for (const list of ['units', 'nodes', 'links', 'crossings', 'services', 'demand'])
      for (const e of n[list]) delete e.provenance;
    for (const m of Object.values(n.modes)) delete (m as Record<string, unknown>).provenance;
    expect(codes(n)).toEqual([]);
  });

  it('warns when a rail crossing joins two gauges without a gauge change', () => {
    const n = mini();
    n.links.push({
      from: 'alpha',
      to: 'alpha-gate',
      mode: 'rail',
      gauge_mm: 1435,
      distance_km: 60,
      speed_kmh: 40,
      provenance: { '*': 'handbook' },
    });
    n.crossings[0].mode = 'rail';
    n.links[0].mode = 'road';
    expect(codes(n)).toContain('gauge_mismatch crossings[0].gauge_change');
  });
});

describe('parseNetwork: positions in the file', () => {
  it('gives the line of each issue, errors first in file order', () => {
    const text = [
      'format: caravan/1',
      'nodes:',
      '  - id: a',
      '    name: A',
      '    country: KZ',
      '    kind: city',
      '    lon: 1',
      '    lat: 1',
      '  - {id: b, name: B, country: KZZ, kind: city, lon: 2, lat: 2}',
      'links:',
      '  - {from: a, to: bb, mode: road, distance_km: 5, speed_kmh: 50}',
    ].join('\n');
    const r = parseNetwork(text, 'x.yaml');
    expect(r.issues.map((i) => [i.code, i.path, i.line, i.file])).toEqual([
      ['bad_country', 'nodes[1].country', 9, 'x.yaml'],
      ['unknown_reference', 'links[0].to', 11, 'x.yaml'],
    ]);
    expect(r.issues[1]!.message).toContain('did you mean "b"');
  });

  it('reports YAML syntax errors with their line', () => {
    const r = parseNetwork('format: caravan/1\nnodes:\n  - id: a\n   name: [unclosed\n', 'bad.yaml');
    expect(r.model).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code: 'parse_error', file: 'bad.yaml' });
    expect(r.issues[0]!.line).toBeGreaterThan(1);
  });

  it('reads JSON as well as YAML', () => {
    const r = parseNetwork(JSON.stringify(mini()), 'mini.json');
    expect(r.issues).toEqual([]);
    expect(r.model?.nodes).toHaveLength(5);
  });

  it('rejects a document that is not a mapping', () => {
    expect(parseNetwork('- just\n- a list\n').issues[0]).toMatchObject({ code: 'invalid_type', path: '' });
  });
});
