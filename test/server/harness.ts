/** Builds the server in-process for tests: the embedded network, a store, the fixture use cases. */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_NETWORK, readText } from '../../src/io/network-file.js';
import { currentLimits } from '../../src/model/limits.js';
import { buildServer } from '../../src/server/app.js';
import { NetworkSource } from '../../src/server/network-source.js';
import { RAISE_HINT } from '../../src/server/start.js';
import { Store } from '../../src/server/store.js';
import type { UseCaseRegistry } from '../../src/server/use-case-types.js';
import { WorkerPool } from '../../src/server/worker-pool.js';
import { useCases as fixtureUseCases, REGISTRY_URL } from './fixtures/use-cases.js';

let network: NetworkSource | undefined;

export function embeddedNetwork(): NetworkSource {
  network ??= new NetworkSource(readText(DEFAULT_NETWORK), 'network.yaml');
  return network;
}

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  close(): Promise<void>;
}

export function harness(
  options: {
    db?: string;
    workers?: number;
    useCases?: UseCaseRegistry;
    registryUrl?: string;
    webRoot?: string;
    writes?: Parameters<typeof buildServer>[0]['writes'];
    corsOrigins?: readonly string[];
    builtInScenarios?: Parameters<typeof buildServer>[0]['builtInScenarios'];
  } = {},
): Harness {
  const store = new Store(options.db ?? ':memory:');
  const pool = {
    registry: options.registryUrl ?? REGISTRY_URL,
    limits: currentLimits(),
    raiseHint: RAISE_HINT,
  };
  const app = buildServer({
    store,
    network: embeddedNetwork(),
    useCases: options.useCases ?? fixtureUseCases,
    jobPool: new WorkerPool({ ...pool, size: options.workers ?? 1 }),
    interactivePool: new WorkerPool({ ...pool, size: 1 }),
    webRoot: options.webRoot,
    ...(options.writes ? { writes: options.writes } : {}),
    corsOrigins: options.corsOrigins,
    builtInScenarios: options.builtInScenarios,
  });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      store.close();
    },
  };
}

/** Polls a job until it has ended. */
export async function waitForEnd(
  app: FastifyInstance,
  url: string,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await app.inject({ method: 'GET', url });
    const body = r.json() as Record<string, unknown>;
    if (!['queued', 'running'].includes(String(body.status))) return body;
    if (Date.now() > end) throw new Error(`job at ${url} did not end: ${r.body}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

/** The built use cases of src/app (dist), for tests of real requests. */
export const APP_REGISTRY = new URL('../../dist/app/index.js', import.meta.url).href;

/** A harness on the real use cases (the built dist/app). */
export async function appHarness(): Promise<Harness> {
  const { useCases } = (await import(APP_REGISTRY)) as { useCases: UseCaseRegistry };
  return harness({ useCases, registryUrl: APP_REGISTRY });
}

/** POSTs a JSON body. */
export function postJson(app: FastifyInstance, url: string, body: unknown) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}
