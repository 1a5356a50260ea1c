/**
 * What the flow use cases (assign, resilience, outlook) share: the demand (the network's own, or a
 * CSV), the assignment method, a value of time and the modes every demand may use, as zod options,
 * and the one place they are turned into the compiled network and the demand rows.
 */
import { z } from 'zod';
import { ASSIGNMENT_METHODS, type AssignmentMethodName } from '../flow/assignment.js';
import { demandMatrix, type OdDemand } from '../flow/demand.js';
import { parseDemandCsv } from '../flow/demand-csv.js';
import { DEFAULT_UNSERVED_VALUE_SPREAD } from '../flow/unserved-cost.js';
import { InputError, issue } from '../model/issue.js';
import { checkDemandRows } from '../model/plausibility.js';
import { MODES, type Mode } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { type CompiledNetwork, compileNetwork } from '../network/compile.js';
import { isNot } from './options.js';
import type { Model } from './use-case.js';

/** Text with the name of the file it came from, shown in issues. */
export const NamedTextSchema = z.object({
  text: z.string(),
  file: z.string().default('input').describe('its name, shown in issues'),
});

export const yearSchema = z
  .number()
  .int({ error: isNot('a year') })
  .min(1900, { error: isNot('a year between 1900 and 2200') })
  .max(2200, { error: isNot('a year between 1900 and 2200') });

/** The options every flow use case has; `method`'s default is each one's own. */
export function flowOptionsShape(defaultMethod: AssignmentMethodName) {
  return {
    demand: NamedTextSchema.optional().describe(
      "demand CSV: from,to,t_per_year[,cargo][,growth_per_year] (default: the network's demand)",
    ),
    method: z
      .enum(ASSIGNMENT_METHODS, {
        error: (i) =>
          `unknown method "${String(i.input)}"${didYouMean(String(i.input), ASSIGNMENT_METHODS)}: use ${ASSIGNMENT_METHODS.join(' or ')}`,
      })
      .default(defaultMethod)
      .describe('equilibrium (congestion) or capacity (hard capacities, LP)'),
    valueOfTimeUsdPerTH: z
      .number()
      .nonnegative({ error: isNot('a value of time ≥ 0 in USD per tonne-hour') })
      .optional()
      .describe(
        "value of time, USD per tonne-hour, for every mode (default: the network's modes); unserved costs stay as given (generalized costs per tonne)",
      ),
    unservedValueSpread: z
      .number()
      .min(0, { error: isNot('a spread between 0 and 1') })
      .max(1, { error: isNot('a spread between 0 and 1') })
      .default(DEFAULT_UNSERVED_VALUE_SPREAD)
      .describe(
        "capacity method: spread of the values of a flow's tonnes around its unserved cost, as a share of that cost above its cheapest path; 0 cuts whole flows, above 0 shares a shortage between flows",
      ),
    modes: z
      .array(
        z.enum([...MODES, 'all'], {
          error: (i) =>
            `unknown mode "${String(i.input)}"${didYouMean(String(i.input), MODES)}: use a comma-separated list of ${MODES.join(', ')}, or all`,
        }),
      )
      .optional()
      .describe("modes every demand may use, e.g. rail,ferry,sea, or all (default: each demand's own modes)"),
  };
}

export interface FlowOptions {
  readonly demand?: { readonly text: string; readonly file: string } | undefined;
  readonly method: AssignmentMethodName;
  readonly valueOfTimeUsdPerTH?: number | undefined;
  readonly modes?: readonly (Mode | 'all')[] | undefined;
  readonly unservedValueSpread: number;
}

export interface FlowInputs {
  readonly net: CompiledNetwork;
  readonly demand: OdDemand[];
}

/**
 * The compiled network (as its dated changes leave it on `date`, when given) and the demand to
 * assign; an InputError when there is none.
 */
export function flowInputs(model: Model, o: FlowOptions, date?: string): FlowInputs {
  let demand: OdDemand[];
  if (o.demand !== undefined) {
    demand = parseDemandCsv(o.demand.text, o.demand.file, model);
    checkDemandRows(demand, 'demand');
  } else demand = demandMatrix(model);
  if (demand.length === 0) {
    throw new InputError([
      issue(
        'missing_quantity',
        o.demand !== undefined ? 'demand' : '',
        'there is no demand to assign: add a `demand` section to the network or pass --demand FILE',
      ),
    ]);
  }
  if (o.modes !== undefined) {
    const modes = o.modes.includes('all') ? undefined : (o.modes as Mode[]);
    demand = demand.map((d) => ({ ...d, modes }));
  }
  return { net: compileNetwork(model, date === undefined ? {} : { date }), demand };
}
