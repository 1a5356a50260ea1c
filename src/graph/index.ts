/** The one graph module: CSR builder, heap, Dijkstra and the mode-expanded graph. */
export * from './csr.js';
export * from './dijkstra.js';
export * from './min-heap.js';
export * from './mode-graph.js';
