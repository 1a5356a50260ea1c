/**
 * The contract every operation follows: options and result described by zod (the single source for
 * CLI flags, HTTP bodies and OpenAPI), and a `run` on the validated model returning plain JSON.
 */
import type { z } from 'zod';
import type { NetworkModel as Model } from '../model/schema.js';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}
export interface RunContext {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}
export interface UseCase<S extends z.ZodType, R extends z.ZodType> {
  name: string; // 'route', 'simulate', 'compare', …
  summary: string; // one line, for CLI help and OpenAPI
  options: S; // zod: defaults, ranges, enums — single source for flags/body/OpenAPI
  result: R; // zod schema of the plain-JSON result
  run(model: Model, options: z.output<S>, ctx: RunContext): Promise<z.output<R>>;
}
