"""NetworkX peer for the flow benchmark (Debian's python3-networkx, run with /usr/bin/python3).

Reads a problem written by bench/flow/flow.ts and times, on the same graph:
  dijkstra     shortest-path trees from every origin (the all-or-nothing step of an assignment);
  mincostflow  the single-origin capacity problem as a min-cost flow by network simplex, each
               destination's unserved demand on a detour arc at the penalty cost.
Prints one JSON object.
"""
import json
import sys
import time

import networkx as nx


def main() -> None:
    task, path = sys.argv[1], sys.argv[2]
    with open(path) as f:
        p = json.load(f)
    g = nx.DiGraph()
    g.add_nodes_from(range(p["n"]))
    for a, b, cost, cap in p["arcs"]:
        if cap is None:
            g.add_edge(a, b, weight=cost)
        else:
            g.add_edge(a, b, weight=cost, capacity=cap)
    if task == "dijkstra":
        origins = sorted({o for o, _, _ in p["ods"]})
        start = time.process_time()
        wall = time.perf_counter()
        checksum = 0.0
        for o in origins:
            dist = nx.single_source_dijkstra_path_length(g, o, weight="weight")
            checksum += sum(dist[d] for oo, d, _ in p["ods"] if oo == o)
        print(json.dumps({"cpu_s": time.process_time() - start, "wall_s": time.perf_counter() - wall,
                          "origins": len(origins), "checksum": checksum}))
    elif task == "mincostflow":
        origins = {o for o, _, _ in p["ods"]}
        assert len(origins) == 1, "min-cost flow peer takes a single-origin problem"
        origin = origins.pop()
        total = 0
        for k, (o, d, demand) in enumerate(p["ods"]):
            g.nodes[d]["demand"] = g.nodes[d].get("demand", 0) + demand
            total += demand
            detour = ("unserved", k)
            g.add_edge(o, detour, weight=p["penalty"])
            g.add_edge(detour, d, weight=0)
        g.nodes[origin]["demand"] = -total
        start = time.process_time()
        wall = time.perf_counter()
        cost, _flow = nx.network_simplex(g)
        print(json.dumps({"cpu_s": time.process_time() - start, "wall_s": time.perf_counter() - wall,
                          "objective": cost}))
    else:
        raise SystemExit(f"unknown task {task}")


if __name__ == "__main__":
    main()
