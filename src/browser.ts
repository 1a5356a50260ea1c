/**
 * Caravan's browser-safe core: parse and validate a network from text, compile it, plan routes and
 * compute their indicators, with no Node built-ins anywhere in what it imports (the layering test
 * checks it), so the dashboard can answer route questions in the browser. The package exports it as
 * `caravan/browser`.
 */
export { type NetworkInfo, networkInfo, networkInfoUseCase } from './app/network-info.js';
export { parseOptions } from './app/options.js';
export { type RouteResult, routeUseCase } from './app/route.js';
export type { AnyUseCase, Model, Progress, RunContext, UseCase } from './app/use-case.js';
export { type ValidateResult, validateText, validateUseCase } from './app/validate.js';
export * from './indicators/index.js';
export * from './model/issue.js';
export { loadNetwork, parseNetwork } from './model/load.js';
export { type LoadedNetwork, loadNetworkWithScenarioText } from './model/scenario-load.js';
export * from './model/schema.js';
export { validateNetwork } from './model/validate.js';
export { type CompiledNetwork, compileNetwork } from './network/compile.js';
export * from './route/index.js';
