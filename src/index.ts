/** Caravan's library: the network format, the compiled network, and the algorithms over it. */

export * from './flow/index.js';
export * from './graph/index.js';
export * from './indicators/index.js';
export { checkNetworkFile, DEFAULT_NETWORK, readNetworkFile } from './io/network-file.js';
export { type LoadedNetwork, readNetworkWithScenario } from './io/scenario-file.js';
export * from './model/calendar.js';
export * from './model/distribution.js';
export * from './model/duration.js';
export * from './model/issue.js';
export { networkJsonSchema } from './model/json-schema.js';
export { loadNetwork, parseNetwork } from './model/load.js';
export * from './model/scenario.js';
export * from './model/schema.js';
export * from './model/train-unit.js';
export { validateNetwork } from './model/validate.js';
export * from './network/border-capacity.js';
export * from './network/compile.js';
export * from './network/geojson.js';
export * from './network/lookup.js';
export * from './queueing/crossing-queue.js';
export * from './queueing/erlang-c.js';
export * from './route/index.js';
export * from './sim/index.js';
