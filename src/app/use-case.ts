/**
 * A use case is one operation of Caravan (route, simulate, assign, …) as a function from the
 * validated model and options to plain JSON data. Its zod options schema (defaults, ranges, enums,
 * units in names) is the single source for CLI flags, HTTP request bodies and OpenAPI; its zod
 * result schema describes what it returns. Adapters (CLI, server) only translate names and format.
 */
import type { z } from 'zod';

import type { Issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import type { ReplicationRunner } from '../sim/replication-set.js';

/** The validated network, with any scenario already applied. */
export type Model = NetworkModel;

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export interface RunContext {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Where simulation replications run (a warm worker pool from an edge); default: the calling thread. */
  runner?: ReplicationRunner;
}

export interface UseCase<S extends z.ZodType, R extends z.ZodType> {
  /** 'route', 'simulate', 'compare', … */
  name: string;
  /** One line, for CLI help and OpenAPI. */
  summary: string;
  /** Defaults, ranges, enums: the single source for flags, request bodies and OpenAPI. */
  options: S;
  /** The plain-JSON result. */
  result: R;
  /**
   * Runs the operation. Options are already parsed by `options` (defaults filled in); values that
   * only the network can judge (an unknown node name) are InputError issues whose paths start with
   * the option's name, for the adapter to rename.
   */
  run(model: Model, options: z.output<S>, ctx: RunContext): Promise<z.output<R>>;
  /**
   * Optional: the issues `run` would raise about options against this network (unknown names), without
   * running. An adapter whose input failed the schema calls it with the good options left, so that
   * every bad value is reported at once.
   */
  check?(model: Model, options: z.output<S>): Issue[];
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds use cases of every shape
export type AnyUseCase = UseCase<any, any>;
