/** The HiGHS linear-programming solver (compiled to WebAssembly), loaded once per process. */

import type { Highs } from 'highs';
import * as highsModule from 'highs';

type Loader = () => Promise<Highs>;

// The package ships ESM at runtime but declares its types as CommonJS; accept either shape.
const exported = (highsModule as unknown as { default: Loader | { default: Loader } }).default;
const loader: Loader = typeof exported === 'function' ? exported : exported.default;

let runtime: Promise<Highs> | undefined;

export function loadHighs(): Promise<Highs> {
  if (!runtime) runtime = loader();
  return runtime;
}

export type { Highs };
