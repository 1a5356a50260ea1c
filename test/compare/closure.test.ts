/** A dated closure (`closed: true` in a timeline change): out of service inside its window only. */
import { describe, expect, it } from 'vitest';
import { readNetworkWithScenario } from '../../src/io/scenario-file.js';
import { compileNetwork } from '../../src/network/compile.js';
import { planRoutes } from '../../src/route/plan.js';

describe('the Belarus–Poland closure of September 2025', () => {
  const { model } = readNetworkWithScenario(undefined, 'poland-border-closure');
  const best = (date: string) =>
    planRoutes(compileNetwork(model, { date }), 'xian', 'duisburg', { date, modes: ['rail', 'ferry'] }).best!;

  it('no rail route crosses from Belarus into Poland while the border is shut', () => {
    expect(best('2025-09-12').countries).not.toContain('BY');
    expect(best('2025-09-24').countries).not.toContain('BY');
  });

  it('the route through Belarus is back the day the border reopens, and was there the day before it shut', () => {
    expect(best('2025-09-11').countries).toContain('BY');
    expect(best('2025-09-25').countries).toContain('BY');
  });
});
