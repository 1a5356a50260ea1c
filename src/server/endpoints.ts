/**
 * Which use case answers which API path, and how: `sync` answers the request with the result (on
 * the interactive worker, so the event loop stays free); `job` answers 202 with an id at once and
 * runs on the job workers, its progress and result read back by id. Endpoints whose use case does
 * not exist in the registry are not served.
 */
export interface Endpoint {
  /** `/api/<path>` */
  readonly path: string;
  /** The use case's name in the registry. */
  readonly useCase: string;
  readonly mode: 'sync' | 'job';
  /** What one thing this endpoint makes is called, for messages ("no simulation with id …"). */
  readonly noun: string;
}

export const ENDPOINTS: readonly Endpoint[] = [
  { path: 'routes', useCase: 'route', mode: 'sync', noun: 'route plan' },
  { path: 'assignments', useCase: 'assign', mode: 'sync', noun: 'assignment' },
  { path: 'resilience', useCase: 'resilience', mode: 'sync', noun: 'resilience analysis' },
  { path: 'outlook', useCase: 'outlook', mode: 'sync', noun: 'outlook' },
  { path: 'checks', useCase: 'check', mode: 'sync', noun: 'check' },
  { path: 'simulations', useCase: 'simulate', mode: 'job', noun: 'simulation' },
  { path: 'comparisons', useCase: 'compare', mode: 'job', noun: 'comparison' },
];
