/**
 * A use case's options as command-line flags: each field of its zod options schema is a flag
 * (`warmupDays` or `warmup_days` → `--warmup-days`), with the schema's description and default; the text given is
 * turned into the option's type (numbers, comma-separated lists), and every issue found at an
 * option's path is renamed to its flag.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { useCaseOptions } from '../app/options.js';
import type { AnyUseCase, Model } from '../app/use-case.js';
import { InputError, type Issue, issue } from '../model/issue.js';

export interface FlagSpec {
  /** The flag's name without dashes (default: the option's name in kebab case). */
  readonly flag?: string;
  /** What the flag takes, e.g. `<usd_per_h>` (default from the option's type). */
  readonly arg?: string;
  /** Help text (default: the schema's description). */
  readonly help?: string;
  /** A list given as separate words (`--crossing a b`) rather than comma-separated. */
  readonly variadic?: boolean;
  /** Not required on the command line even though the option is (the command supplies it). */
  readonly optional?: boolean;
}

/** How the flags of a command map to a use case's options; `false` leaves an option off the command line. */
export type FlagSpecs = Readonly<Record<string, FlagSpec | false>>;

interface Field {
  readonly key: string;
  readonly flag: string;
  readonly type: string;
  readonly spec: FlagSpec;
  readonly schema: z.ZodType;
}

/** The flag of an option: `warmupDays` and `warmup_days` both → `warmup-days`. */
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replaceAll('_', '-');

/** The innermost type of an optional or defaulted field, and its default. */
function inner(schema: z.ZodType): { type: string; defaultValue?: unknown; required: boolean } {
  let s = schema as z.ZodType & {
    _zod: { def: { type: string; innerType?: z.ZodType; defaultValue?: unknown } };
  };
  let defaultValue: unknown;
  let required = true;
  for (;;) {
    const def = s._zod.def;
    if (def.type === 'default') defaultValue = def.defaultValue;
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      required = false;
      s = def.innerType as typeof s;
      continue;
    }
    return { type: def.type, defaultValue, required };
  }
}

function fields(schema: z.ZodObject, specs: FlagSpecs): Field[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const spec = specs[key];
    if (spec === false) return [];
    const { type } = inner(field);
    if (type === 'unknown' || type === 'object' || type === 'union') return [];
    return [{ key, flag: `--${spec?.flag ?? kebab(key)}`, type, spec: spec ?? {}, schema: field }];
  });
}

/** Adds a flag per option of the use case; returns the command. */
export function addUseCaseFlags(command: Command, useCase: AnyUseCase, specs: FlagSpecs = {}): Command {
  for (const f of fields(useCase.options, specs)) {
    const { defaultValue, required } = inner(f.schema);
    const shown =
      typeof defaultValue === 'number' || (f.type === 'enum' && typeof defaultValue === 'string')
        ? ` (default ${defaultValue})`
        : '';
    const help = `${f.spec.help ?? f.schema.description ?? ''}${shown}`;
    if (f.type === 'boolean') {
      command.option(f.flag, help);
      continue;
    }
    const arg =
      f.spec.arg ??
      (f.type === 'number'
        ? '<n>'
        : f.type === 'array'
          ? `<${f.key}${f.spec.variadic ? '...' : ''}>`
          : '<value>');
    if (required && !f.spec.optional) command.requiredOption(`${f.flag} ${arg}`, help);
    else command.option(`${f.flag} ${arg}`, help);
  }
  return command;
}

/** The flag of each option, for renaming issues. */
export function flagNames(useCase: AnyUseCase, specs: FlagSpecs = {}): Map<string, string> {
  const names = new Map<string, string>();
  for (const key of Object.keys(useCase.options.shape as object)) {
    const spec = specs[key];
    if (spec !== false) names.set(key, `--${spec?.flag ?? kebab(key)}`);
  }
  return names;
}

/**
 * An issue at an option's path (`modes[1]`, `waits.crossings`) renamed to its flag (`--modes`,
 * `--waits.crossings`); issues in a file keep their path.
 */
export function renameIssues(issues: readonly Issue[], names: ReadonlyMap<string, string>): Issue[] {
  return issues.map((i) => {
    // An issue with a file is at a place in that file (a CSV's `demand[0].to`), not at an option.
    if (i.file !== undefined) return i;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[\d+\])*(.*)$/.exec(i.path);
    const flag = m ? names.get(m[1]!) : undefined;
    return flag === undefined ? i : { ...i, path: `${flag}${m![2]}` };
  });
}

/**
 * The use case's options from commander's parsed flags (plus `extra` options the command builds
 * itself, such as a file read): every bad value reported at once, at its flag.
 */
export function optionsFromFlags<U extends AnyUseCase>(
  useCase: U,
  model: Model,
  flags: object,
  specs: FlagSpecs = {},
  extra: Readonly<Record<string, unknown>> = {},
): z.output<U['options']> {
  const input: Record<string, unknown> = {};
  const issues: Issue[] = [];
  const all = fields(useCase.options, specs);
  for (const f of all) {
    // commander names a flag's value by the flag in camel case
    const name = f.flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = (flags as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (f.type === 'number' && typeof value === 'string') {
      const x = Number(value);
      if (value.trim() === '' || !Number.isFinite(x))
        issues.push(issue('invalid_option', f.key, `"${value}" is not a number`));
      else input[f.key] = x;
    } else if (f.type === 'array' && typeof value === 'string') {
      input[f.key] = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    } else input[f.key] = value;
  }
  Object.assign(input, extra);
  const names = flagNames(useCase, specs);
  try {
    return useCaseOptions(useCase, model, input, issues);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(renameIssues(e.issues, names));
    throw e;
  }
}

/** Runs a use case, its input errors renamed to the command's flags. */
export async function runWithFlags<U extends AnyUseCase>(
  useCase: U,
  model: Model,
  options: z.output<U['options']>,
  specs: FlagSpecs = {},
  ctx: Parameters<U['run']>[2] = {},
): Promise<z.output<U['result']>> {
  try {
    return await useCase.run(model, options, ctx);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(renameIssues(e.issues, flagNames(useCase, specs)));
    throw e;
  }
}

/** Runs `f`, renaming the option paths of any InputError it throws by `names` (option → flag). */
export function withFlagNames<T>(f: () => T, names: Readonly<Record<string, string>>): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(renameIssues(e.issues, new Map(Object.entries(names))));
    throw e;
  }
}
