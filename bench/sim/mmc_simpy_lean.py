"""The lean SimPy 3 model of bench/sim/product.ts: a process per truck, a Resource of lanes, a list of
waits; nothing else recorded. Runs REPLICATIONS independent replications of DAYS days each and prints
JSON: trucks served, mean wait (hours), seconds.

Usage: /usr/bin/python3 bench/sim/mmc_simpy_lean.py REPLICATIONS DAYS LAMBDA_PER_H LANES MEAN_SERVICE_H SEED
"""
import json
import random
import sys
import time

import simpy


def replication(days, lam, lanes, mean_service, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    resource = simpy.Resource(env, capacity=lanes)
    waits = []

    def truck():
        arrived = env.now
        with resource.request() as req:
            yield req
            waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(1 / mean_service))

    def source():
        while True:
            yield env.timeout(rng.expovariate(lam))
            env.process(truck())

    env.process(source())
    env.run(until=days * 24)
    return waits


def main():
    replications, days = int(sys.argv[1]), float(sys.argv[2])
    lam, lanes, mean_service, seed = float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
    start = time.perf_counter()
    served = 0
    total = 0.0
    for r in range(replications):
        waits = replication(days, lam, lanes, mean_service, seed * 1000 + r)
        served += len(waits)
        total += sum(waits)
    seconds = time.perf_counter() - start
    print(json.dumps({"served": served, "mean_wait_h": total / served, "seconds": seconds, "simpy": simpy.__version__}))


if __name__ == "__main__":
    main()
