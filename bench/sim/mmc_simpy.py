"""M/M/c queue in SimPy 3, the reference for bench/sim/mmc.ts: the same model written the usual SimPy
way (a process per customer holding a Resource), with the same outputs as Caravan's lane monitor:
mean and P90 wait (log-bucketed histogram), time-averaged queue length and utilization.

Usage: /usr/bin/python3 bench/sim/mmc_simpy.py CUSTOMERS SERVERS RHO SEED
"""
import json
import math
import random
import sys
import time

import simpy


class LaneMonitor:
    """Waits, time-weighted queue length and busy lanes, updated from the customer process."""

    __slots__ = ("last", "queue", "busy", "queue_area", "busy_area", "count", "mean", "buckets", "log_gamma")

    def __init__(self):
        self.last = 0.0
        self.queue = 0
        self.busy = 0
        self.queue_area = 0.0
        self.busy_area = 0.0
        self.count = 0
        self.mean = 0.0
        self.buckets = {}
        self.log_gamma = math.log(1 + 2 ** -7)

    def _advance(self, now):
        dt = now - self.last
        self.queue_area += self.queue * dt
        self.busy_area += self.busy * dt
        self.last = now

    def arrive(self, now):
        self._advance(now)
        self.queue += 1

    def start(self, now, wait):
        self._advance(now)
        self.queue -= 1
        self.busy += 1
        self.count += 1
        self.mean += (wait - self.mean) / self.count
        key = -1 if wait < 1e-3 else int(math.log(wait / 1e-3) / self.log_gamma)
        self.buckets[key] = self.buckets.get(key, 0) + 1

    def release(self, now):
        self._advance(now)
        self.busy -= 1

    def quantile(self, q):
        rank = math.ceil(q * self.count)
        seen = 0
        for key in sorted(self.buckets):
            seen += self.buckets[key]
            if seen >= rank:
                return 0.0 if key < 0 else 1e-3 * math.exp((key + 0.5) * self.log_gamma)
        return float("nan")


def main():
    customers, servers, rho, seed = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    mu = 1.0
    lam = rho * servers * mu
    rng = random.Random(seed)
    env = simpy.Environment()
    lanes = simpy.Resource(env, capacity=servers)
    monitor = LaneMonitor()

    def customer():
        arrived = env.now
        monitor.arrive(arrived)
        with lanes.request() as req:
            yield req
            monitor.start(env.now, env.now - arrived)
            yield env.timeout(rng.expovariate(mu))
            monitor.release(env.now)

    def source():
        for _ in range(customers):
            yield env.timeout(rng.expovariate(lam))
            env.process(customer())

    env.process(source())
    start = time.perf_counter()
    cpu = time.process_time()
    env.run()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    served = monitor.count
    print(json.dumps({
        "engine": "simpy " + simpy.__version__,
        "served": served,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "per_second": served / seconds,
        "mean_wait_h": monitor.mean,
        "p90_wait_h": monitor.quantile(0.9),
        "mean_queue": monitor.queue_area / env.now,
        "utilization": monitor.busy_area / (servers * env.now),
    }))


if __name__ == "__main__":
    main()
