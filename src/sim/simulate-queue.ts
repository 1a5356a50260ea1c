/**
 * One replication of the crossing-like queue with the standard monitors attached: waits, time in
 * system, queue length, units present and utilization after the warm-up.
 */
import { Simulation } from './kernel.js';
import { QueueModel, type QueueModelOptions } from './queue-model.js';
import { FlowMonitor } from './stats/flow-monitor.js';
import type { LogHistogramOptions } from './stats/histogram.js';
import { ResourceMonitor } from './stats/resource-monitor.js';

export interface SimulateQueueOptions extends Omit<QueueModelOptions, 'hooks' | 'resourceHooks'> {
  /** End of the run in hours; Infinity runs until no event is left (needs bounded arrivals, no timetable). */
  readonly horizon_h: number;
  readonly warmup_h?: number;
  readonly histogram?: LogHistogramOptions;
}

export interface QueueResult {
  /** Time the run ended. */
  readonly end: number;
  readonly events: number;
  readonly arrivals: number;
  readonly lanes: ResourceMonitor;
  readonly flow: FlowMonitor;
  /** Mean wait in the queue, hours. */
  readonly meanWait: number;
  /** Mean time in the system, hours. */
  readonly meanSojourn: number;
  readonly meanQueue: number;
  readonly meanPresent: number;
  readonly utilization: number;
  /** Units that left after the warm-up. */
  readonly served: number;
}

export function simulateQueue(options: SimulateQueueOptions): QueueResult {
  const warmup = options.warmup_h ?? 0;
  const histogram = options.histogram ? { histogram: options.histogram } : {};
  const sim = new Simulation();
  const lanes = new ResourceMonitor({ warmup, capacity: options.servers ?? 1, ...histogram });
  const flow = new FlowMonitor({ warmup, ...histogram });
  const model = new QueueModel(sim, {
    ...options,
    resourceHooks: lanes,
    hooks: {
      arrive: (time) => flow.enter(time),
      depart: (time, _unit, arrivedAt) => flow.exit(time, arrivedAt),
    },
  });
  const events = sim.run(options.horizon_h);
  const end = sim.now;
  return {
    end,
    events,
    arrivals: model.arrivals,
    lanes,
    flow,
    meanWait: lanes.wait.mean,
    meanSojourn: flow.sojourn.mean,
    meanQueue: lanes.queue.mean(end),
    meanPresent: flow.present.mean(end),
    utilization: lanes.utilization(end),
    served: flow.exited,
  };
}
