/**
 * The `validate` use case: check network text (YAML or JSON), optionally with a scenario overlay
 * applied, and list every problem with its file and line. It reads its network from the options,
 * not from the model argument (which a caller may leave as any model): see {@link validateText}.
 */
import { z } from 'zod';
import { demandRouteIssues } from '../flow/demand-routes.js';
import { hasErrors, InputError, type Issue } from '../model/issue.js';
import { checkNetworkData, parseText } from '../model/load.js';
import { loadNetworkWithScenarioText } from '../model/scenario-load.js';
import type { NetworkModel } from '../model/schema.js';
import type { UseCase } from './use-case.js';

const NamedText = z.object({
  text: z.string().describe('the text of the file'),
  file: z.string().default('network').describe('its name, shown in issues (a name ending .json means JSON)'),
});

export const ValidateOptionsSchema = z.object({
  text: z.string().describe('the network, YAML or JSON'),
  file: z.string().default('network').describe('its name, shown in issues (a name ending .json means JSON)'),
  scenario: NamedText.optional().describe('a scenario overlay (caravan-scenario/1) to apply and validate'),
});

export const IssueSchema = z.object({
  code: z.string(),
  path: z.string().describe('where in the input: links[12].to'),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  file: z.string().optional(),
  line: z.number().int().optional().describe('1-based line in that file'),
});

export const ValidateResultSchema = z.object({
  valid: z.boolean(),
  errors: z.number().int(),
  warnings: z.number().int(),
  counts: z
    .object({
      nodes: z.number().int(),
      links: z.number().int(),
      crossings: z.number().int(),
      services: z.number().int(),
      demand: z.number().int(),
    })
    .nullable()
    .describe('what the valid network holds; null when it is not valid'),
  issues: z.array(IssueSchema).describe('errors first, then warnings, each in file order'),
});

export type ValidateOptions = z.output<typeof ValidateOptionsSchema>;
export type ValidateResult = z.output<typeof ValidateResultSchema>;

/** Validates network text; never throws for the user's input. */
export function validateText(o: ValidateOptions): ValidateResult {
  let model: NetworkModel | undefined;
  let issues: readonly Issue[];
  if (o.scenario === undefined) {
    const { parsed, issues: parseIssues } = parseText(o.text, { file: o.file });
    if (!parsed) return validationResult(undefined, parseIssues);
    ({ model, issues } = checkNetworkData(parsed, o.file));
    return validationResult(model, issues, { file: o.file, lineOf: parsed.lineOf });
  } else {
    try {
      const loaded = loadNetworkWithScenarioText(o.scenario, () => ({ text: o.text, file: o.file }));
      model = loaded.model;
      issues = loaded.warnings;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      issues = e.issues;
    }
  }
  return validationResult(model, issues);
}

/**
 * What validating found: the model when it is valid, and every issue, with the warnings of a valid
 * network's demand that has no route in service in some period (src/flow/demand-routes.ts); `where`
 * gives those their file and line.
 */
export function validationResult(
  model: NetworkModel | undefined,
  found: readonly Issue[],
  where: { file?: string; lineOf?: (path: string) => number | undefined } = {},
): ValidateResult {
  const routes =
    model !== undefined && !hasErrors(found)
      ? demandRouteIssues(model).map((i) => {
          const line = where.lineOf?.(i.path);
          return {
            ...i,
            ...(where.file !== undefined ? { file: where.file } : {}),
            ...(line !== undefined ? { line } : {}),
          };
        })
      : [];
  const issues = [...found, ...routes];
  const errors = issues.filter((i) => i.severity === 'error').length;
  return {
    valid: model !== undefined && !hasErrors(issues),
    errors,
    warnings: issues.length - errors,
    counts: model
      ? {
          nodes: model.nodes.length,
          links: model.links.length,
          crossings: model.crossings.length,
          services: model.services.length,
          demand: model.demand.length,
        }
      : null,
    issues: [...issues],
  };
}

export const validateUseCase: UseCase<typeof ValidateOptionsSchema, typeof ValidateResultSchema> = {
  name: 'validate',
  summary: 'check a network (and a scenario overlay), listing every problem with its line and a fix',
  options: ValidateOptionsSchema,
  result: ValidateResultSchema,
  async run(_model, options) {
    return validateText(options);
  },
};
