/**
 * The HiGHS linear-programming solver (compiled to WebAssembly), loaded once per process, and only
 * when a capacity assignment asks for it (its JavaScript alone takes a command ~10 ms to load).
 */

import type { Highs } from 'highs';

type Loader = () => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

async function load(): Promise<Highs> {
  const highsModule = await import('highs');
  // The package ships ESM at runtime but declares its types as CommonJS; accept either shape.
  const exported = (highsModule as unknown as { default: Loader | { default: Loader } }).default;
  const loader: Loader = typeof exported === 'function' ? exported : exported.default;
  return loader();
}

export function loadHighs(): Promise<Highs> {
  if (!runtime) runtime = load();
  return runtime;
}

export type { Highs };
