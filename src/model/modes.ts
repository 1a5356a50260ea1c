/**
 * The modes of transport a network uses, in the order of every per-mode array. Apart from the
 * schemas (schema.ts), so that code that only needs the list does not build them.
 */
export const MODES = ['rail', 'road', 'ferry', 'sea'] as const;

export type Mode = (typeof MODES)[number];
