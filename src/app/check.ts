/**
 * The `check` use case (`caravan check`): the numbers of the analyses side by side for one date, and
 * where they disagree or strain. Per crossing and direction: the flow the assignment puts there, what
 * the direction can carry, the queue wait at that flow and the wait route planning uses there —
 * computed separately, they must agree. Directions near capacity and demand left unserved are listed
 * in plain words.
 */
import { z } from 'zod';
import { checkNetwork } from '../flow/check.js';
import { DEFAULT_DATE } from '../model/timeline.js';
import { compileNetwork } from '../network/compile.js';
import { dateOption } from './options.js';
import type { UseCase } from './use-case.js';

export const CheckOptionsSchema = z.object({
  date: dateOption().describe(`YYYY-MM-DD: the network and demand of that day (default: ${DEFAULT_DATE})`),
});

const num = z.number().nullable();

export const CheckResultSchema = z.object({
  date: z.string().describe('the day checked, YYYY-MM-DD'),
  crossings: z
    .array(
      z.object({
        id: z.string(),
        direction: z.string().describe('`<from>-><to>`'),
        flow_t_per_year: z.number().describe('what the assignment puts on this direction'),
        operational_capacity_t_per_year: num.describe(
          'from lanes, hours, clearance and quota; null when unlimited',
        ),
        capacity_t_per_year: num.describe('what the direction can carry; null when unlimited'),
        binding: z.string().describe('what limits the direction: lanes, quota, departures, declared, none'),
        utilization: num.describe('flow ÷ capacity; null when unlimited'),
        assigned_wait_h: num.describe("the queue model's wait at the assigned flow, hours"),
        route_wait_h: num.describe('the wait route planning uses for this crossing and direction, hours'),
        status: z.enum(['ok', 'near capacity', 'disagreement']),
      }),
    )
    .describe('every crossing direction in service'),
  unserved: z
    .array(z.object({ id: z.string(), demand_t_per_year: z.number(), unserved_t_per_year: z.number() }))
    .describe('demand the assignment leaves (partly) unserved'),
  findings: z.array(z.string()).describe('in plain words; empty when everything agrees and nothing strains'),
  consistent: z
    .boolean()
    .describe('whether route waits equal the assigned waits on every crossing direction'),
});

export type CheckResult = z.output<typeof CheckResultSchema>;

export const checkUseCase: UseCase<typeof CheckOptionsSchema, typeof CheckResultSchema> = {
  name: 'check',
  summary:
    'per crossing and direction: assigned flow, capacity, wait; whether route and assign agree; what is near capacity',
  options: CheckOptionsSchema,
  result: CheckResultSchema,
  async run(model, o, ctx) {
    ctx.signal?.throwIfAborted();
    const r = checkNetwork(compileNetwork(model), o.date);
    return {
      date: o.date,
      crossings: r.crossings.map((x) => ({ ...x })),
      unserved: r.unserved.map((u) => ({ ...u })),
      findings: [...r.findings],
      consistent: r.consistent,
    };
  },
};
