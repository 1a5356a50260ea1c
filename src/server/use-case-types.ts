/**
 * What the server needs of a use case (the contract of src/app/use-case.ts): a name, a one-line
 * summary, a zod schema of its options and of its result, and `run`. The server validates request
 * bodies with `options`, documents both schemas in OpenAPI, and runs `run` on a worker thread.
 */
import type { z } from 'zod';
import type { Issue } from '../model/issue.js';

export interface ServerProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ServerUseCase {
  readonly name: string;
  readonly summary: string;
  readonly options: z.ZodType;
  readonly result: z.ZodType;
  /** Each use case has its own model and option types: callers pass what its schemas parsed. */
  run(
    model: never,
    options: never,
    ctx: { signal?: AbortSignal; onProgress?: (p: ServerProgress) => void },
  ): Promise<unknown>;
  /** Optional: the issues `run` would raise about the options against this network, without running. */
  check?(model: never, options: never): readonly Issue[];
}

export type UseCaseRegistry = Readonly<Record<string, ServerUseCase>>;
