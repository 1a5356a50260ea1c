import { describe, expect, it } from 'vitest';
import * as caravan from '../src/index.js';

describe('the library', () => {
  it('reads the default network, compiles it and plans a route, all from one import', () => {
    const { model } = caravan.readNetworkFile();
    const net = caravan.compileNetwork(model);
    const plan = caravan.planRoutes(net, "Xi'an", 'Duisburg', { date: '2026-06-01' });
    const names = caravan.nodeIndex(model);
    expect(plan.best?.nodes[0]).toBe(names.find("Xi'an")?.id);
    expect(plan.best?.nodes.at(-1)).toBe(names.find('Duisburg')?.id);
    expect(plan.routes.length).toBeGreaterThanOrEqual(3);
  });
});
