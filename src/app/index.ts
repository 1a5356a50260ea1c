/**
 * Every operation of Caravan as a use case (see ./use-case.ts), by name: what the CLI, the HTTP
 * server and the dashboard call.
 */

import { assignUseCase } from './assign.js';
import { checkUseCase } from './check.js';
import { compareUseCase } from './compare.js';
import { exportUseCase } from './export.js';
import { networkInfoUseCase } from './network-info.js';
import { outlookUseCase } from './outlook.js';
import { overviewUseCase } from './overview.js';
import { resilienceUseCase } from './resilience.js';
import { routeUseCase } from './route.js';
import { simulateUseCase } from './simulate.js';
import type { AnyUseCase } from './use-case.js';
import { validateUseCase } from './validate.js';

export { type AssignResult, assignUseCase } from './assign.js';
export { type CheckResult, checkUseCase } from './check.js';
export { type CompareResultJson, compareUseCase } from './compare.js';
export { exportUseCase } from './export.js';
export { type NetworkInfo, networkInfo, networkInfoUseCase } from './network-info.js';
export { parseOptions } from './options.js';
export { type OutlookResultJson, outlookUseCase } from './outlook.js';
export { type OverviewResult, overviewUseCase } from './overview.js';
export { type ResilienceResultJson, resilienceUseCase } from './resilience.js';
export { type RouteResult, routeUseCase } from './route.js';
export { queueGrowth, type SimulateResult, simulateUseCase } from './simulate.js';
export type { AnyUseCase, Model, Progress, RunContext, UseCase } from './use-case.js';
export { type ValidateResult, validateText, validateUseCase } from './validate.js';

export const useCases = {
  validate: validateUseCase,
  'network-info': networkInfoUseCase,
  export: exportUseCase,
  route: routeUseCase,
  simulate: simulateUseCase,
  compare: compareUseCase,
  assign: assignUseCase,
  resilience: resilienceUseCase,
  outlook: outlookUseCase,
  overview: overviewUseCase,
  check: checkUseCase,
} as const satisfies Record<string, AnyUseCase>;

export type UseCaseName = keyof typeof useCases;
