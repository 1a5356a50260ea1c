/**
 * The discrete-event simulation: the engine (kernel, resources, batch services, randomness, statistics)
 * and the models on it (crossings, trips), with `simulate(network, options)` for Monte Carlo runs.
 */
export { AppointmentBook, type AppointmentBookOptions } from './appointment-book.js';
export {
  type ArrivalPattern,
  type ArrivalProcess,
  arrivalProcess,
  seasonalArrivals,
} from './arrival-process.js';
export {
  type BatchHooks,
  BatchService,
  type BatchServiceOptions,
  type DepartureHandler,
  type DeparturePolicy,
  type DepartureTimetable,
  type ServiceClosures,
} from './batch-service.js';
export {
  CapacitySchedule,
  type CapacityStep,
  type CapacityTimetable,
  openingHours,
} from './capacity-schedule.js';
export { BorderCrossing, type CrossingClient, type CrossingHooks, type CrossingOptions } from './crossing.js';
export {
  type AppointmentSettings,
  crossingCostUsd,
  crossingOptions,
  meanClearanceH,
} from './crossing-from-network.js';
export { crossingTimetable, openHoursPerDay } from './crossing-hours.js';
export { DailyQuota } from './daily-quota.js';
export { type EventHandle, EventQueue } from './event-queue.js';
export { FifoQueue } from './fifo-queue.js';
export { IdPool } from './id-pool.js';
export { type EventHandler, Priority, Simulation, type SimulationOptions, type TraceHook } from './kernel.js';
export { MonthCalendar, type MonthlyFactors } from './month-calendar.js';
export { PriorityQueue } from './priority-queue.js';
export {
  type PriorityClass,
  QueueModel,
  type QueueModelHooks,
  type QueueModelOptions,
  type QueueStep,
} from './queue-model.js';
export {
  Purpose,
  RandomStreams,
  streamState,
  type Uniform,
  uniformFrom,
  uniformFromState,
} from './random.js';
export {
  type DemandStats,
  type ReplicationResult,
  runReplication,
  type ServiceStats,
  SIM_HISTOGRAM,
} from './replication.js';
export {
  type CapacityTarget,
  Resource,
  type ResourceHooks,
  type ResourceOptions,
  type ServiceStarter,
} from './resource.js';
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
export { type ServiceSeason, sailingShareOver, serviceOptions } from './service-from-network.js';
export {
  resolveSimulateOptions,
  SIMULATE_DEFAULTS,
  type SimulateOptions,
  simulate,
  simulationPlan,
} from './simulate.js';
export { type QueueResult, type SimulateQueueOptions, simulateQueue } from './simulate-queue.js';
export {
  buildPlan,
  type DemandPlan,
  demandTonnesPerDay,
  type LegPlan,
  LegType,
  type PlanOptions,
  type SimCrossing,
  type SimLink,
  type SimNetwork,
  type SimService,
  type SimulationPlan,
  simNetwork,
  type TripRoute,
} from './simulation-plan.js';
export {
  type CrossingFlowJson,
  type CrossingJson,
  type EstimateJson,
  type OdJson,
  ResultMerger,
  type ServiceJson,
  type SimulationResult,
} from './simulation-result.js';
export { confidenceHalfWidth, confidenceInterval } from './stats/confidence-interval.js';
export {
  CrossingMonitor,
  type CrossingMonitorOptions,
  type CrossingStats,
  type TallyResult,
} from './stats/crossing-monitor.js';
export { FlowMonitor, type FlowMonitorOptions } from './stats/flow-monitor.js';
export { LogHistogram, type LogHistogramOptions, type LogHistogramState } from './stats/histogram.js';
export { Moments, type MomentsState } from './stats/moments.js';
export { type Estimate, ReplicationSummary } from './stats/replication-summary.js';
export { ResourceMonitor, type ResourceMonitorOptions } from './stats/resource-monitor.js';
export { studentTCdf, studentTQuantile } from './stats/student-t.js';
export { Tally, type TallyOptions } from './stats/tally.js';
export { TimeAverage, type TimeAverageOptions } from './stats/time-average.js';
export { type KeyedStreams, TripModel, type TripObservers } from './trip-model.js';
export type { Discipline, UnitQueue } from './unit-queue.js';
