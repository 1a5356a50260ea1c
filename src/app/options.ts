/**
 * Options of a use case checked against its zod schema: the defaults filled in, or an InputError
 * whose issues are at the options' paths (`days`, `modes[1]`), for each adapter to rename.
 */
import { z } from 'zod';
import { formatPath, InputError, type Issue, issue, type PathSegment } from '../model/issue.js';
import { DEFAULT_DATE } from '../model/timeline.js';
import type { AnyUseCase, Model } from './use-case.js';

function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) =>
    issue(
      'invalid_option',
      formatPath(i.path.map((p): PathSegment => (typeof p === 'symbol' ? String(p) : p))),
      i.message,
    ),
  );
}

/** Options parsed by a schema; an InputError at the options' paths when they do not fit it. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(zodIssues(parsed.error));
}

/**
 * A use case's options from an adapter's input, with every problem reported at once: the values
 * that do not fit the schema, `earlier` issues the adapter found (text that is not a number, for
 * options it left out of `input`), and, for the options that are left, what the use case's `check`
 * finds against the network (an unknown place name).
 */
export function useCaseOptions<U extends AnyUseCase>(
  useCase: U,
  model: Model,
  input: Readonly<Record<string, unknown>>,
  earlier: readonly Issue[] = [],
): z.output<U['options']> {
  const parsed = useCase.options.safeParse(input);
  if (parsed.success && earlier.length === 0) return parsed.data;
  const issues = [...earlier];
  let good = input;
  if (!parsed.success) {
    issues.push(...zodIssues(parsed.error));
    const bad = new Set(parsed.error.issues.map((i: z.core.$ZodIssue) => i.path[0]));
    good = Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k)));
  }
  const rest = useCase.options.safeParse(good);
  if (rest.success && useCase.check) issues.push(...useCase.check(model, rest.data));
  throw new InputError(issues);
}

/** `"<value>" is not <what>`: the message every range check of an option gives. */
export const isNot =
  (what: string) =>
  (i: { input?: unknown }): string =>
    `"${Array.isArray(i.input) ? i.input.join(',') : String(i.input)}" is not ${what}`;

/** A day: YYYY-MM-DD, a day of the calendar. */
export const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: isNot('a date YYYY-MM-DD, e.g. 2026-06-01') })
  .refine((d) => Number.isFinite(Date.parse(`${d}T00:00:00Z`)), {
    error: isNot('a day of the calendar, YYYY-MM-DD'),
  });

/**
 * The day an analysis takes the network on; by default {@link DEFAULT_DATE}, the same for every use
 * case, so that their figures describe one state.
 */
export const dateOption = () => dateText.default(DEFAULT_DATE);

/** The issues of an InputError that `f` throws (none when it returns). */
export function issuesOf(f: () => unknown): Issue[] {
  try {
    f();
    return [];
  } catch (e) {
    if (e instanceof InputError) return [...e.issues];
    throw e;
  }
}
