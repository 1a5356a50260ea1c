/** The discrete-event simulation engine: kernel, resources, batch services, randomness, statistics. */
export {
  type BatchHooks,
  BatchService,
  type BatchServiceOptions,
  type DepartureHandler,
  type DeparturePolicy,
  type DepartureTimetable,
} from './batch-service.js';
export {
  CapacitySchedule,
  type CapacityStep,
  type CapacityTimetable,
  openingHours,
} from './capacity-schedule.js';
export { type EventHandle, EventQueue } from './event-queue.js';
export { FifoQueue } from './fifo-queue.js';
export { IdPool } from './id-pool.js';
export { type EventHandler, Priority, Simulation, type SimulationOptions, type TraceHook } from './kernel.js';
export { PriorityQueue } from './priority-queue.js';
export {
  type PriorityClass,
  QueueModel,
  type QueueModelHooks,
  type QueueModelOptions,
  type QueueStep,
} from './queue-model.js';
export { RandomStreams, type RandomStreamsOptions, type Uniform, uniformFrom } from './random.js';
export { type CapacityTarget, Resource, type ResourceHooks, type ResourceOptions } from './resource.js';
export { compileSampler } from './sample/compile.js';
export { constantSampler } from './sample/constant.js';
export { empiricalSampler } from './sample/empirical.js';
export { exponentialSampler } from './sample/exponential.js';
export { gammaSampler } from './sample/gamma.js';
export { lognormalSampler } from './sample/lognormal.js';
export { normalSampler } from './sample/normal.js';
export type { Sampler } from './sample/sampler.js';
export { triangularSampler } from './sample/triangular.js';
export { uniformSampler } from './sample/uniform.js';
export { type QueueResult, type SimulateQueueOptions, simulateQueue } from './simulate-queue.js';
export { confidenceHalfWidth, confidenceInterval } from './stats/confidence-interval.js';
export { FlowMonitor, type FlowMonitorOptions } from './stats/flow-monitor.js';
export { LogHistogram, type LogHistogramOptions, type LogHistogramState } from './stats/histogram.js';
export { Moments, type MomentsState } from './stats/moments.js';
export { type Estimate, ReplicationSummary } from './stats/replication-summary.js';
export { ResourceMonitor, type ResourceMonitorOptions } from './stats/resource-monitor.js';
export { studentTCdf, studentTQuantile } from './stats/student-t.js';
export { Tally, type TallyOptions } from './stats/tally.js';
export { TimeAverage, type TimeAverageOptions } from './stats/time-average.js';
export type { Discipline, UnitQueue } from './unit-queue.js';
