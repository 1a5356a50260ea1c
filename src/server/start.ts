/**
 * Starting the server: the network read once, the store opened (migrated, interrupted jobs marked
 * failed), the worker pools warmed, the dashboard found, and the HTTP socket bound.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { displayPath } from '../io/input-file.js';
import { DEFAULT_NETWORK, readText } from '../io/network-file.js';
import { builtInScenarios } from '../io/scenario-file.js';
import { configureLimits, currentLimits } from '../model/limits.js';
import { buildServer } from './app.js';
import { defaultWorkers } from './default-workers.js';
import { NetworkSource } from './network-source.js';
import { Store } from './store.js';
import type { UseCaseRegistry } from './use-case-types.js';
import { WorkerPool } from './worker-pool.js';

const HERE = import.meta.url;
const FROM_SOURCE = HERE.endsWith('.ts');
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(HERE)), '..', '..');

/** The dashboard Vite builds (npm run build). */
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

/** The module holding the use-case registry, as the worker threads import it. */
export const APP_REGISTRY = new URL(FROM_SOURCE ? '../app/index.ts' : '../app/index.js', HERE).href;

export const RAISE_HINT = 'start the server with: caravan --limit {name}={value} serve';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** SQLite file for scenarios, jobs and results; ':memory:' for none kept. */
  readonly db: string;
  /** Network file (default: the embedded Eurasia network). */
  readonly network?: string | undefined;
  /** Job workers (simulations, comparisons at once); the rest wait in the queue. */
  readonly workers?: number | undefined;
  /** The registry of use cases (default: src/app) and the module URL the workers load it from. */
  readonly registry?: { useCases: UseCaseRegistry; url: string } | undefined;
  readonly webRoot?: string | undefined;
  readonly logger?: boolean;
  /** Required for POST, PUT and DELETE when set; without it, a server bound beyond loopback is read-only. */
  readonly token?: string | undefined;
  /** Other origins allowed to call the API from a browser (CORS). */
  readonly corsOrigins?: readonly string[] | undefined;
}

/** True for addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly store: Store;
  /** Jobs found cut off at start and marked failed. */
  readonly recovered: number;
  close(): Promise<void>;
}

export async function loadRegistry(url: string = APP_REGISTRY): Promise<UseCaseRegistry> {
  return ((await import(url)) as { useCases: UseCaseRegistry }).useCases;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const path = options.network ?? DEFAULT_NETWORK;
  const network = new NetworkSource(readText(path), displayPath(path));
  const registry = options.registry ?? { useCases: await loadRegistry(), url: APP_REGISTRY };
  const store = new Store(options.db);
  // Requests refused on the HTTP thread (before a job starts) say how to raise a limit on a server.
  configureLimits({
    values: currentLimits(),
    raise: (name, value) => RAISE_HINT.replace('{name}', name).replace('{value}', value),
  });
  const poolOptions = { registry: registry.url, limits: currentLimits(), raiseHint: RAISE_HINT };
  const jobPool = new WorkerPool({ ...poolOptions, size: options.workers ?? defaultWorkers() });
  const interactivePool = new WorkerPool({ ...poolOptions, size: 1 });
  const app = buildServer({
    store,
    network,
    useCases: registry.useCases,
    jobPool,
    interactivePool,
    webRoot: options.webRoot ?? WEB_ROOT,
    logger: options.logger ?? false,
    corsOrigins: options.corsOrigins,
    // The built-in scenarios are written for the embedded network only.
    builtInScenarios: resolve(path) === resolve(DEFAULT_NETWORK) ? builtInScenarios() : [],
    writes: options.token
      ? { mode: 'token', token: options.token }
      : isLoopback(options.host)
        ? { mode: 'open' }
        : { mode: 'read-only', host: options.host },
  });
  app.addHook('onClose', async () => store.close());
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (e) {
    await app.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    app,
    url: `http://${host}:${port}/`,
    store,
    recovered: store.recovered,
    close: () => app.close(),
  };
}
