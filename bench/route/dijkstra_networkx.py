"""NetworkX's Dijkstra on the synthetic continental graph written by bench/route/route.ts: the
reference the route search is compared with. Reads the binary graph (int32 n, int32 m, int32 from[m],
int32 to[m], float64 weight[m]), builds an undirected nx.Graph (each grid edge once, the file holds
both directions), and times only the searches: nx.dijkstra_path_length(G, s, t) per query, NetworkX's
cheapest point-to-point Dijkstra (it stops at the target and keeps distances only; asking for the
path as well, single_source_dijkstra builds a list per node reached and is several times slower).

Usage: /usr/bin/python3 bench/route/dijkstra_networkx.py GRAPH_FILE s1 t1 [s2 t2 ...]
Prints JSON: {"version", "build_s", "queries": [{"s", "t", "length", "seconds", "cpu_seconds"}]}
"""
import json
import sys
import time
from array import array

import networkx as nx


def read_graph(path):
    with open(path, "rb") as f:
        header = array("i")
        header.fromfile(f, 2)
        n, m = header
        src = array("i")
        src.fromfile(f, m)
        dst = array("i")
        dst.fromfile(f, m)
        w = array("d")
        w.fromfile(f, m)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from((a, b, x) for a, b, x in zip(src, dst, w) if a < b)
    return g


def main():
    path = sys.argv[1]
    pairs = [int(x) for x in sys.argv[2:]]
    t0 = time.perf_counter()
    g = read_graph(path)
    build = time.perf_counter() - t0
    out = []
    for i in range(0, len(pairs), 2):
        s, t = pairs[i], pairs[i + 1]
        c0 = time.process_time()
        w0 = time.perf_counter()
        length = nx.dijkstra_path_length(g, s, t, weight="weight")
        seconds = time.perf_counter() - w0
        cpu = time.process_time() - c0
        out.append({"s": s, "t": t, "length": length, "seconds": seconds, "cpu_seconds": cpu})
    print(json.dumps({"version": nx.__version__, "build_s": build, "queries": out}))


if __name__ == "__main__":
    main()
