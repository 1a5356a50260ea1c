import { describe, expect, it } from 'vitest';
import { isoNumeric, KNOWN_ALPHA2 } from '../../src/viz/country-codes.js';
import { networkMap } from '../../src/viz/network-map.js';
import { networkMapFigure } from '../../src/viz/network-map-figure.js';
import { CHANGE_COLOR, LAND, MODE_COLOR, UTILIZATION_CLASSES } from '../../src/viz/palette.js';
import { mapFrame, projectPoint } from '../../src/viz/projection.js';
import { world50m } from '../../src/viz/world-50m.js';
import { all, newDocument, num, q } from './dom.js';
import { COMPARED, MAP, NODES } from './sample-network.js';

const doc = newDocument();

describe('the projection', () => {
  const frame = mapFrame(
    NODES.map((n) => [n.lon, n.lat] as const),
    { width_px: 960 },
  );
  const at = (id: string) => {
    const n = NODES.find((x) => x.id === id)!;
    return projectPoint(frame, [n.lon, n.lat]);
  };
  it('puts Almaty east of Aktau and north of Tashkent, Rotterdam west of Shanghai', () => {
    expect(at('almaty')[0]).toBeGreaterThan(at('aktau')[0]);
    expect(at('almaty')[1]).toBeLessThan(at('tashkent')[1]);
    expect(at('rotterdam')[0]).toBeLessThan(at('shanghai')[0]);
  });
  it('fits every point inside the frame, touching its padded edges', () => {
    const points = NODES.map((n) => at(n.id));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    expect(Math.min(...xs)).toBeCloseTo(24, 0);
    expect(Math.max(...xs)).toBeCloseTo(960 - 24, 0);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(23.9);
    expect(Math.max(...ys)).toBeLessThanOrEqual(frame.height - 23.9);
  });
  it('is equal-area: two 1° cells at 35° N and 55° N on the same meridian have the same projected area', () => {
    const area = (lat: number) => {
      const a = projectPoint(frame, [65, lat]);
      const b = projectPoint(frame, [66, lat]);
      const c = projectPoint(frame, [65, lat + 1]);
      return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
    };
    // Spherical area of a 1° cell ∝ sin(lat+1) − sin(lat).
    const sphere = (lat: number) => Math.sin(((lat + 1) * Math.PI) / 180) - Math.sin((lat * Math.PI) / 180);
    expect(area(55) / area(35)).toBeCloseTo(sphere(55) / sphere(35), 1);
  });
});

describe('networkMap', () => {
  const svg = networkMap(doc, MAP, { id: 'm' });
  const links = all(svg, '.viz-link');
  const crossings = all(svg, '.viz-crossing');

  it('draws one mark per link and per crossing, each with an aria-label and a title', () => {
    expect(links).toHaveLength(MAP.links.length);
    expect(crossings).toHaveLength(MAP.crossings!.length);
    for (const mark of [...links, ...crossings]) {
      expect(mark.getAttribute('aria-label')).toBeTruthy();
      expect(mark.querySelector('title')?.textContent).toBe(mark.getAttribute('aria-label'));
    }
    const ferry = links.find((l) => l.getAttribute('data-id') === 'aktau-baku');
    expect(ferry.getAttribute('aria-label')).toContain('Caspian ferry');
    expect(ferry.getAttribute('aria-label')).toContain('2.0\u00a0Mt/yr');
  });

  it('makes line widths proportional to flow, the largest at the maximum width', () => {
    const byId = new Map(links.map((l) => [l.getAttribute('data-id'), num(l, 'stroke-width')]));
    const flowing = MAP.links.filter((l) => (l.flow_t_per_year ?? 0) > 0);
    for (const l of flowing) expect(byId.get(l.id)! / l.flow_t_per_year!).toBeCloseTo(12 / 20e6, 9);
    expect(byId.get('dostyk-almaty')).toBe(12);
    // A link without flow stays visible as a hairline.
    expect(byId.get('almaty-tashkent')).toBeGreaterThan(0);
    expect(byId.get('almaty-tashkent')).toBeLessThan(1);
  });

  it('makes circle areas proportional to waits (radius² ∝ wait)', () => {
    const r = new Map(
      crossings.map((g) => [g.getAttribute('data-id'), num(g.querySelector('.viz-wait'), 'r')]),
    );
    for (const c of MAP.crossings!) expect(r.get(c.id)! ** 2 / c.wait_h!).toBeCloseTo(22 ** 2 / 264, 2);
  });

  it('colours links by mode (Okabe–Ito) and dashes sea and ferry', () => {
    const of = (id: string) => links.find((l) => l.getAttribute('data-id') === id);
    expect(of('dostyk-almaty').getAttribute('stroke')).toBe(MODE_COLOR.rail);
    expect(of('khorgos-almaty-road').getAttribute('stroke')).toBe(MODE_COLOR.road);
    expect(of('dostyk-almaty').getAttribute('stroke-dasharray')).toBeNull();
    expect(of('shanghai-rotterdam').getAttribute('stroke-dasharray')).toBeTruthy();
    expect(of('aktau-baku').getAttribute('stroke-dasharray')).toBeTruthy();
    expect(of('aktau-baku').getAttribute('stroke-linecap')).toBe('round');
  });

  it('draws links between the same two nodes side by side, not on top of each other', () => {
    const start = (id: string) =>
      links
        .find((l) => l.getAttribute('data-id') === id)
        .getAttribute('d')
        .match(/^M([-\d.]+),([-\d.]+)/)!
        .slice(1)
        .map(Number);
    const [x1, y1] = start('khorgos-almaty-rail');
    const [x2, y2] = start('khorgos-almaty-road');
    const gap = Math.hypot(x1! - x2!, y1! - y2!);
    // Half the widths of both lines (10 and 4 Mt/yr: 6 and 2.4 px) plus the 1.5-px gap.
    expect(gap).toBeCloseTo(6 / 2 + 2.4 / 2 + 1.5, 0);
  });

  it('has a legend that says what each encoding means, with units', () => {
    const texts = all(svg, '.viz-legend text').map((t) => t.textContent);
    expect(texts).toContain('Mode (colour)');
    expect(texts).toContain('Flow, Mt/yr (line width)');
    expect(texts).toContain('Mean wait (circle area)');
    expect(texts).toEqual(
      expect.arrayContaining(['rail', 'road', 'ferry (dotted)', 'sea (dashed)', '20', '10', '5']),
    );
    expect(texts).toEqual(expect.arrayContaining(['10\u00a0d', '2\u00a0d', '0.5\u00a0d']));
  });

  it('labels the largest crossings and the chosen places', () => {
    const labels = all(svg, '.viz-labels text').map((t) => t.textContent);
    expect(labels).toContain('Nur Zholy 11.0\u00a0d');
    expect(labels).toEqual(expect.arrayContaining(['Almaty', 'Aktau', 'Tashkent']));
    // The sea ports far from the land network are outside the default frame, so not labelled.
    expect(labels).not.toContain('Rotterdam');
  });

  it('draws Kazakhstan a shade stronger than the other countries', () => {
    const kz = all(svg, '.viz-country').find((p) => p.getAttribute('data-id') === '398');
    const cn = all(svg, '.viz-country').find((p) => p.getAttribute('data-id') === '156');
    expect(kz.getAttribute('fill')).toBe(LAND.emphasis);
    expect(cn.getAttribute('fill')).toBe(LAND.fill);
    expect(kz.querySelector('title').textContent).toBe('Kazakhstan');
  });

  it('scales through its viewBox and is the same every time it is drawn', () => {
    const [x, y, w, h] = q(svg).getAttribute('viewBox').split(' ').map(Number);
    expect([x, y, w]).toEqual([0, 0, 960]);
    expect(h).toBeGreaterThan(300);
    expect(networkMap(doc, MAP, { id: 'm' }).outerHTML).toBe(svg.outerHTML);
    const ids = all(svg, '[id]').map((e) => e.getAttribute('id'));
    expect(ids).toEqual(['m-clip']);
  });

  it('colours links by utilization on the sequential scale, links without data grey', () => {
    const u = networkMap(doc, MAP, { color_by: 'utilization' });
    const stroke = (id: string) =>
      all(u, '.viz-link')
        .find((l) => l.getAttribute('data-id') === id)
        .getAttribute('stroke');
    expect(stroke('dostyk-almaty')).toBe(UTILIZATION_CLASSES[0]!.color);
    expect(stroke('khorgos-almaty-rail')).toBe(UTILIZATION_CLASSES[1]!.color);
    expect(stroke('khorgos-almaty-road')).toBe(UTILIZATION_CLASSES[2]!.color);
    expect(stroke('almaty-aktau')).toBe(UTILIZATION_CLASSES[3]!.color);
    expect(stroke('shanghai-rotterdam')).toBe('#9A9A9A');
    const texts = all(u, '.viz-legend text').map((t) => t.textContent);
    expect(texts).toContain('Utilization, % of capacity (colour)');
    expect(texts).toContain('Mode (line style)');
  });

  it('in a comparison fills circles by the signed change, neutral when the interval contains zero', () => {
    const c = networkMap(doc, COMPARED);
    const fill = (id: string) =>
      all(c, '.viz-crossing')
        .find((g) => g.getAttribute('data-id') === id)
        .querySelector('.viz-wait')
        .getAttribute('fill');
    expect(fill('nur-zholy')).toBe(CHANGE_COLOR.muchBetter);
    expect(fill('dostyk-alashankou')).toBe(CHANGE_COLOR.neutral);
    expect(fill('saryagash')).toBe(CHANGE_COLOR.worse);
    // The base wait is a dashed ring on the same area scale.
    const nz = all(c, '.viz-crossing').find((g) => g.getAttribute('data-id') === 'nur-zholy');
    const r = num(nz.querySelector('.viz-wait'), 'r');
    const rBase = num(nz.querySelector('.viz-wait-base'), 'r');
    expect((r / rBase) ** 2).toBeCloseTo(9.5 / 264, 3);
    expect(nz.getAttribute('aria-label')).toContain('change \u221210.6\u00a0d');
    const dostyk = all(c, '.viz-crossing').find((g) => g.getAttribute('data-id') === 'dostyk-alashankou');
    expect(dostyk.getAttribute('aria-label')).toContain('no significant difference');
    expect(all(c, '.viz-legend text').map((t) => t.textContent)).toContain('no significant change');
  });

  it('shares scales between maps when told the maxima', () => {
    const a = networkMap(doc, MAP, { flow_max_t_per_year: 40e6, wait_max_h: 528 });
    const w = num(
      all(a, '.viz-link').find((l) => l.getAttribute('data-id') === 'dostyk-almaty'),
      'stroke-width',
    );
    expect(w).toBe(6);
    const r = num(
      all(a, '.viz-crossing')
        .find((g) => g.getAttribute('data-id') === 'nur-zholy')
        .querySelector('.viz-wait'),
      'r',
    );
    expect(r).toBeCloseTo(22 / Math.SQRT2, 2);
  });

  it('highlights a route under the links, with its ends marked and named in the legend', () => {
    const m = networkMap(doc, {
      ...MAP,
      route: {
        name: 'Dostyk → Aktau',
        lon_lat: [
          [82.5, 45.25],
          [76.9, 43.24],
          [51.2, 43.65],
        ],
      },
    });
    const route = all(m, '.viz-route')[0];
    expect(route.getAttribute('aria-label')).toBe('Highlighted route: Dostyk → Aktau');
    const order = all(m, 'g').map((g) => g.getAttribute('class'));
    expect(order.indexOf('viz-route')).toBeLessThan(order.indexOf('viz-links'));
    expect(all(m, '.viz-route-ends circle')).toHaveLength(2);
    expect(all(m, '.viz-legend text').map((t) => t.textContent)).toContain('Dostyk → Aktau');
  });
});

describe('networkMapFigure', () => {
  it('puts the map in a figure with its title and a table of crossings and links with flow', () => {
    const f = networkMapFigure(doc, COMPARED, { id: 'cmp', title: 'Waits compared', caption: 'Sample' });
    expect(q(f).querySelector('figcaption').textContent).toBe('Waits compared');
    const rows = all(f, 'tbody tr');
    const flowing = COMPARED.links.filter((l) => (l.flow_t_per_year ?? 0) > 0).length;
    expect(rows).toHaveLength(COMPARED.crossings!.length + flowing);
    const headers = all(f, 'thead th').map((t) => t.textContent);
    expect(headers).toEqual(
      expect.arrayContaining(['mean wait, base, d', 'flow, Mt/yr', 'utilization, % of capacity']),
    );
    expect(rows[0].textContent).toContain('Nur Zholy');
    expect(rows[0].textContent).toContain('\u221210.6 (\u221210.9 to \u221210.3)');
    const dostyk = rows.find((r) => r.textContent.includes('Dostyk (crossing)'));
    expect(dostyk.textContent).toContain('not significant');
  });
});

describe('country codes', () => {
  it('map alpha-2 codes to the Natural Earth features of the same countries', () => {
    const names = new Map(world50m().map((c) => [c.id, c.name]));
    const expected: Record<string, string> = {
      KZ: 'Kazakhstan',
      CN: 'China',
      RU: 'Russia',
      BY: 'Belarus',
      PL: 'Poland',
      DE: 'Germany',
      NL: 'Netherlands',
      AZ: 'Azerbaijan',
      GE: 'Georgia',
      TR: 'Turkey',
      UZ: 'Uzbekistan',
      EG: 'Egypt',
    };
    for (const [a2, name] of Object.entries(expected)) expect(names.get(isoNumeric(a2)!)).toBe(name);
    for (const a2 of KNOWN_ALPHA2) expect(names.has(isoNumeric(a2)!), a2).toBe(true);
    expect(isoNumeric('kz')).toBe('398');
    expect(isoNumeric('XX')).toBeUndefined();
  });
});
