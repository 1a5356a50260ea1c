/**
 * Route planning on the embedded default network, against the fact sheet (/work/shared/data/facts.md
 * §4, §5, §8): Xi'an → Duisburg by the Northern route, the Middle Corridor and the sea.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNetworkFile } from '../../src/io/network-file.js';
import { compileNetwork } from '../../src/network/compile.js';
import type { Route } from '../../src/route/describe-route.js';
import { planRoutes } from '../../src/route/plan.js';
import { routeContext } from '../../src/route/route-context.js';
import { DEFAULT } from '../helpers.js';

const days = (r: Route) => r.time_h.expected / 24;
const perFeu = (r: Route, unitT: number) => (r.cost_usd / unitT) * 20;
const describeIf = existsSync(DEFAULT) ? describe : describe.skip;

describeIf('the default Eurasia network', () => {
  const net = existsSync(DEFAULT) ? compileNetwork(readNetworkFile(DEFAULT).model) : undefined!;
  const date = '2026-06-01';
  const context = existsSync(DEFAULT) ? routeContext(net, { date, unit: 'feu' }) : undefined!;
  const plan = existsSync(DEFAULT) ? planRoutes(net, "Xi'an", 'Duisburg', { context }) : undefined!;
  const isCaspian = (r: Route) =>
    r.legs.some((l) => (l.mode === 'ferry' || l.mode === 'sea') && /aktau|kuryk/.test(l.from));
  const isSea = (r: Route) => r.label.startsWith('Sea');

  it('the unit is a 20-t FEU, the unit of the fact sheet’s costs', () => {
    expect(plan.unit).toEqual({ id: 'feu', t: 20 });
  });

  it("Xi'an → Duisburg: the Northern route (KZ–RU–BY–PL) in 12–18 days at US$2,600–3,100 per FEU", () => {
    const northern = plan.pareto.filter((r) => r.label.startsWith('Northern'));
    expect(northern.length).toBeGreaterThan(0);
    const ok = northern.filter(
      (r) =>
        ['KZ', 'RU', 'BY', 'PL'].every((c) => r.countries.includes(c)) &&
        days(r) >= 12 &&
        days(r) <= 18 &&
        perFeu(r, plan.unit.t) >= 2600 &&
        perFeu(r, plan.unit.t) <= 3100,
    );
    expect(ok.map((r) => r.label)).toContain('Northern via Dostyk and Brest');
  });

  it('a Middle Corridor route across the Caspian in 19–35 days at US$2,500–3,250 per FEU', () => {
    const middle = plan.pareto.filter((r) => r.label.startsWith('Middle Corridor') && isCaspian(r));
    expect(middle.length).toBeGreaterThan(0);
    for (const r of middle) {
      expect(r.countries).not.toContain('RU');
      expect(days(r)).toBeGreaterThanOrEqual(19);
      expect(days(r)).toBeLessThanOrEqual(35);
    }
    const inRange = middle.filter((r) => perFeu(r, plan.unit.t) >= 2500 && perFeu(r, plan.unit.t) <= 3250);
    expect(inRange.length).toBeGreaterThan(0);
  });

  it('the sea route from a Chinese port in 28–45 days door to door; its ocean freight US$1,500–2,000 per FEU', () => {
    const sea = plan.pareto.filter(isSea);
    expect(sea.length).toBeGreaterThan(0);
    for (const r of sea) {
      const firstSea = r.legs.find((l) => l.mode === 'sea')!;
      expect(net.model.nodes.find((n) => n.id === firstSea.from)!.country).toBe('CN');
      expect(days(r)).toBeGreaterThanOrEqual(28);
      expect(days(r)).toBeLessThanOrEqual(45);
    }
    const ocean = (r: Route) => r.legs.filter((l) => l.mode === 'sea').reduce((s, l) => s + l.cost_usd, 0);
    const cheapest = sea.reduce((a, b) => (a.cost_usd <= b.cost_usd ? a : b));
    expect(perFeu({ ...cheapest, cost_usd: ocean(cheapest) }, plan.unit.t)).toBeGreaterThanOrEqual(1500);
    expect(perFeu({ ...cheapest, cost_usd: ocean(cheapest) }, plan.unit.t)).toBeLessThanOrEqual(2000);
    // Door to door adds the rail haul to the port, the port handling and the final delivery.
    expect(cheapest.cost_usd).toBeGreaterThan(ocean(cheapest));
    expect(cheapest.cost_usd).toBeLessThan(plan.pareto.find((r) => r.label.startsWith('Northern'))!.cost_usd);
  });

  it('with RU and BY avoided, only routes outside Russia and Belarus remain, the Middle Corridor and the sea among them', () => {
    const avoid = planRoutes(net, "Xi'an", 'Duisburg', { context, avoidCountries: ['RU', 'BY'] });
    expect(avoid.pareto.length).toBeGreaterThan(0);
    for (const r of avoid.pareto) {
      expect(r.countries).not.toContain('RU');
      expect(r.countries).not.toContain('BY');
    }
    expect(avoid.routes.some((r) => r.label.startsWith('Middle Corridor'))).toBe(true);
    expect(avoid.routes.some(isSea)).toBe(true);
  });

  it('the Bakhty–Tacheng rail crossing carries routes only from its opening (2027)', () => {
    const uses = (d: string) =>
      planRoutes(net, 'Ürümqi', 'Ayagoz', { date: d, modes: ['rail'] }).pareto.some((r) =>
        r.legs.some((l) => l.id === 'bakhty-tacheng'),
      );
    expect(uses('2026-06-01')).toBe(false);
    expect(uses('2028-01-01')).toBe(true);
  });
});
