/**
 * Every operation of Caravan as a use case (see ./use-case.ts), by name: what the CLI, the HTTP
 * server and the dashboard call.
 */
import { compareUseCase } from './compare.js';
import { networkInfoUseCase } from './network-info.js';
import { routeUseCase } from './route.js';
import { simulateUseCase } from './simulate.js';
import type { AnyUseCase } from './use-case.js';
import { validateUseCase } from './validate.js';

export { type CompareResultJson, compareUseCase } from './compare.js';
export { type NetworkInfo, networkInfo, networkInfoUseCase } from './network-info.js';
export { parseOptions } from './options.js';
export { type RouteResult, routeUseCase } from './route.js';
export { queueGrowth, type SimulateResult, simulateUseCase } from './simulate.js';
export type { AnyUseCase, Model, Progress, RunContext, UseCase } from './use-case.js';
export { type ValidateResult, validateText, validateUseCase } from './validate.js';

export const useCases = {
  validate: validateUseCase,
  'network-info': networkInfoUseCase,
  route: routeUseCase,
  simulate: simulateUseCase,
  compare: compareUseCase,
} as const satisfies Record<string, AnyUseCase>;

export type UseCaseName = keyof typeof useCases;
