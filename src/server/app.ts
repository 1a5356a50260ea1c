/**
 * The HTTP API and the dashboard, as a Fastify instance built from its dependencies (store, network,
 * use cases, worker pools), so tests run it in-process with `inject` or on a real socket alike.
 * Every request is checked against the use cases' zod schemas; every error is `{"issues": […]}`
 * with a 4xx status for bad input, never a 500.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { z } from 'zod';
import type { BuiltInScenario } from '../io/scenario-file.js';
import { InputError } from '../model/issue.js';
import { currentLimits, formatAmount, limitIssue } from '../model/limits.js';
import { parseNetwork } from '../model/load.js';
import { didYouMean } from '../model/suggest.js';
import { ENDPOINTS, type Endpoint } from './endpoints.js';
import { fieldNames, fieldPath, renameKeys, snakeCase } from './http-fields.js';
import { HttpError, httpIssue, notFound, parseWith, toHttpIssues } from './http-issues.js';
import { type JobEvent, JobManager } from './jobs.js';
import type { CachedBody, NetworkSource } from './network-source.js';
import { apiReferenceHtml, openApiDocument } from './openapi.js';
import { JOB_STATUSES, type JobRecord, type Store } from './store.js';
import type { UseCaseRegistry } from './use-case-types.js';
import { TaskError, type WorkerPool } from './worker-pool.js';

export const VERSION = '0.1.0';

export interface ServerDeps {
  readonly store: Store;
  readonly network: NetworkSource;
  readonly useCases: UseCaseRegistry;
  /** Workers for jobs (simulations, comparisons): bounded concurrency, queued. */
  readonly jobPool: WorkerPool;
  /** A worker for requests answered at once (routes, assignments), apart from the long jobs. */
  readonly interactivePool: WorkerPool;
  /** The built dashboard (index.html and assets); absent → `/` says how to build it. */
  readonly webRoot?: string | undefined;
  /** Log requests (pino) to stdout. */
  readonly logger?: boolean;
  /**
   * Who may change things (POST, PUT, DELETE): `open` (bound to loopback only), `token` (a bearer
   * token is required), `read-only` (bound beyond loopback without a token: only GET). Default open.
   */
  readonly writes?: { mode: 'open' } | { mode: 'token'; token: string } | { mode: 'read-only'; host: string };
  /** Origins other than the server's own allowed to call the API from a browser (CORS); none by default. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** The scenarios that ship with the network served (the default one's); none for another network. */
  readonly builtInScenarios?: readonly BuiltInScenario[] | undefined;
}

const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

const RunsQuery = z.strictObject({
  kind: z.string().max(40).optional(),
  status: z.enum(JOB_STATUSES as [string, ...string[]]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A scenario as sent: the caravan-scenario/1 document itself. */
const ScenarioBody = z.record(z.string(), z.unknown());

/** Fields the server reads from a use-case request besides the use case's own options. */
const SCENARIO_FIELD = 'scenario_id';

function jobView(job: JobRecord, result?: unknown) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    scenario_id: job.scenario_id,
    // The options as the request names them (snake_case fields).
    options: isPlainObject(job.options) ? renameKeys(job.options, snakeCase) : job.options,
    created_at: job.created_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
    ...(job.error ? { issues: job.error } : {}),
    ...(result !== undefined ? { result } : {}),
  };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const { store, network, useCases } = deps;
  const limits = currentLimits();
  const bodyLimit = Number.isFinite(limits.file_bytes) ? limits.file_bytes : 1024 ** 3;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit,
    routerOptions: { ignoreTrailingSlash: true },
    connectionTimeout: 0,
    requestTimeout: 120_000,
  });
  const jobs = new JobManager(store, deps.jobPool, limits.job_seconds);
  const endpoints = ENDPOINTS.filter((e) => useCases[e.useCase] !== undefined);

  // Security headers (helmet): no sniffing, no framing, no referrer, a same-origin content policy.
  app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  // CORS: same origin only unless origins are listed (`caravan serve --cors-origin`).
  app.register(fastifyCors, {
    origin: deps.corsOrigins && deps.corsOrigins.length > 0 ? [...deps.corsOrigins] : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
  });
  // Rate limiting per client address, from the limit requests_per_minute.
  const perMinute = limits.requests_per_minute;
  if (Number.isFinite(perMinute)) {
    app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: () =>
        new HttpError(429, [
          httpIssue(
            'limit_exceeded',
            'limits.requests_per_minute',
            `more than ${formatAmount('requests_per_minute', perMinute)} a minute from this address, over the limit requests_per_minute: wait a minute, or start the server with: caravan --limit requests_per_minute=N serve`,
          ),
        ]),
    });
    app.after(() => app.addHook('onRequest', app.rateLimit({ max: perMinute, timeWindow: 60_000 })));
  }

  const writes = deps.writes ?? { mode: 'open' };
  if (writes.mode !== 'open') {
    app.addHook('onRequest', (req, reply, done) => {
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return done();
      if (writes.mode === 'read-only') {
        reply.code(403).send({
          issues: [
            httpIssue(
              'read_only',
              'method',
              `this server listens on ${writes.host}, beyond this machine, without a token, so it only answers GET: start it with CARAVAN_TOKEN=… (then send "Authorization: Bearer …"), or bind it to 127.0.0.1`,
            ),
          ],
        });
        return;
      }
      const given = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      const a = Buffer.from(given);
      const b = Buffer.from(writes.token);
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        reply
          .code(401)
          .header('WWW-Authenticate', 'Bearer')
          .send({
            issues: [
              httpIssue(
                'unauthorized',
                'headers.authorization',
                'send "Authorization: Bearer <token>" with the token the server was started with (CARAVAN_TOKEN)',
              ),
            ],
          });
        return;
      }
      done();
    });
  }

  app.setErrorHandler((error: FastifyError | HttpError | InputError, _req, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ issues: error.issues });
    if (error instanceof InputError) {
      const over = error.issues.some((i) => i.code === 'limit_exceeded');
      return reply.code(over ? 422 : 400).send({ issues: toHttpIssues(error.issues) });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) {
      const i = limitIssue('file_bytes', bodyLimit + 1, 'the request body is larger than the limit');
      return reply.code(413).send({
        issues: [
          httpIssue(
            'limit_exceeded',
            '',
            `the request body is over the limit file_bytes = ${formatAmount('file_bytes', bodyLimit)}: send less, or ${i.message.split(': ').pop()}`,
          ),
        ],
      });
    }
    if (status === 415) {
      return reply.code(415).send({
        issues: [
          httpIssue(
            'unsupported_media_type',
            'headers.content-type',
            `${error.message}: send application/json`,
          ),
        ],
      });
    }
    if (status >= 400 && status < 500) {
      const code = (error as FastifyError).code ?? '';
      const message =
        code.startsWith('FST_ERR_CTP') || error instanceof SyntaxError
          ? `the request body is not valid JSON: ${error.message}`
          : error.message;
      return reply.code(status).send({ issues: [httpIssue('parse_error', '', message)] });
    }
    app.log.error(error);
    return reply.code(500).send({
      issues: [
        httpIssue('internal_error', '', `${error.message}: this is a bug in Caravan, please report it`),
      ],
    });
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.code(404).send({
        issues: [
          httpIssue(
            'not_found',
            'url',
            `no endpoint ${req.method} ${req.url.split('?')[0]}: see /api/openapi.json or /api/docs`,
          ),
        ],
      });
    }
    // The dashboard is one page: any other GET is its index.
    if (deps.webRoot && existsSync(`${deps.webRoot}/index.html`)) return reply.sendFile('index.html');
    return reply.type('text/html').send(noDashboardPage());
  });

  // The model the request asks for: the base network, or a stored scenario applied to it.
  function modelFor(scenarioId: unknown): { model: unknown; scenarioId: string | null } {
    if (scenarioId === undefined || scenarioId === null) return { model: network.model, scenarioId: null };
    if (typeof scenarioId !== 'string') {
      throw new HttpError(400, [
        httpIssue('invalid_type', SCENARIO_FIELD, 'expected the id of a stored scenario (a string)'),
      ]);
    }
    const s = store.scenario(scenarioId);
    if (!s)
      throw new HttpError(400, [
        httpIssue(
          'unknown_reference',
          SCENARIO_FIELD,
          `no scenario with id "${scenarioId}": see GET /api/scenarios`,
        ),
      ]);
    return { model: network.modelWith(`${s.id}@${s.updated_at}`, s.body), scenarioId: s.id };
  }

  function readRequest(endpoint: Endpoint, body: unknown) {
    if (body === undefined) body = {};
    if (!isPlainObject(body)) {
      throw new HttpError(400, [
        httpIssue('invalid_type', '', 'the request body must be a JSON object of options'),
      ]);
    }
    const { [SCENARIO_FIELD]: scenario, ...rest } = body;
    const useCase = useCases[endpoint.useCase]!;
    // The JSON fields are snake_case; a field the use case does not know is a mistake to name,
    // not to drop silently.
    const names = fieldNames(useCase.options);
    if (names) {
      const unknown = Object.keys(rest).filter((k) => names.toOption(k) === undefined);
      if (unknown.length > 0) {
        const fields = [...names.fields, SCENARIO_FIELD];
        throw new HttpError(
          400,
          unknown.map((k) =>
            httpIssue(
              'unknown_field',
              k,
              `unknown field "${k}"${didYouMean(k, fields) || `: the fields are ${fields.join(', ')}`}`,
            ),
          ),
        );
      }
    }
    const input = names ? renameKeys(rest, (k) => names.toOption(k) ?? k) : rest;
    const target = modelFor(scenario);
    try {
      return { options: checkedOptions(useCase, input, target.model), ...target };
    } catch (e) {
      if (!names) throw e;
      if (e instanceof HttpError)
        throw new HttpError(
          e.statusCode,
          e.issues.map((i) => ({ ...i, path: fieldPath(i.path, names) })),
        );
      if (e instanceof InputError)
        throw new InputError(e.issues.map((i) => ({ ...i, path: fieldPath(i.path, names) })));
      throw e;
    }
  }

  /** The options parsed and checked against the network: every bad value at once, before any work. */
  function checkedOptions(
    useCase: UseCaseRegistry[string],
    input: Record<string, unknown>,
    model: unknown,
  ): unknown {
    let options: unknown;
    try {
      options = parseWith(useCase.options, input);
    } catch (e) {
      // The options the schema rejected left out, the network judges the rest.
      if (!(e instanceof HttpError) || !useCase.check) throw e;
      const bad = new Set(e.issues.map((i) => i.path.split(/[.[]/)[0]!));
      const good = useCase.options.safeParse(
        Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k))),
      );
      if (!good.success) throw e;
      const more = useCase
        .check(model as never, good.data as never)
        .filter((i) => !bad.has(i.path.split(/[.[]/)[0]!));
      throw new HttpError(400, [...e.issues, ...toHttpIssues(more.filter((i) => i.severity === 'error'))]);
    }
    // Values only the network can judge (an unknown place).
    const early = useCase.check?.(model as never, options as never) ?? [];
    if (early.some((i) => i.severity === 'error')) throw new InputError(early);
    return options;
  }

  // Health and the network

  // How long the HTTP thread's event loop was held up: near zero while jobs run on their workers.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  app.get('/api/health', async () => ({
    status: 'ok',
    version: VERSION,
    network: network.name,
    uptime_s: Math.round(process.uptime()),
    jobs: {
      active: jobs.active,
      running: deps.jobPool.busy,
      queued: deps.jobPool.queued,
      workers: deps.jobPool.size,
    },
    db_schema_version: store.schemaVersion,
    event_loop_delay_ms: {
      p50: Math.round(loopDelay.percentile(50) / 1e4) / 100,
      p99: Math.round(loopDelay.percentile(99) / 1e4) / 100,
      max: Math.round(loopDelay.max / 1e4) / 100,
    },
  }));

  /** A fixed JSON answer: 304 when the client has it, gzipped when the client takes gzip. */
  const sendCached = (req: FastifyRequest, reply: FastifyReply, body: CachedBody, type: string) => {
    reply
      .header('ETag', body.etag)
      .header('Cache-Control', 'no-cache')
      .header('Vary', 'Accept-Encoding')
      .type(type);
    if (req.headers['if-none-match'] === body.etag) return reply.code(304).send();
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      return reply.header('Content-Encoding', 'gzip').send(body.gzip);
    }
    return reply.send(body.raw);
  };
  app.get('/api/network', async (req, reply) =>
    sendCached(req, reply, network.modelJson, 'application/json'),
  );
  app.get('/api/crossings', async (req, reply) =>
    sendCached(req, reply, network.crossingsJson, 'application/json'),
  );
  app.get('/api/network.geojson', async (req, reply) =>
    sendCached(req, reply, network.geojson, 'application/geo+json'),
  );

  // Validate: a network (JSON or YAML text) in the body → its issues, with lines.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, text, done) => done(null, text));
    scope.post('/api/validate', async (req) => {
      const text = typeof req.body === 'string' ? req.body : '';
      if (text.trim() === '') {
        throw new HttpError(400, [
          httpIssue(
            'missing_field',
            '',
            'the request body is empty: send a network (caravan/1), as JSON or YAML',
          ),
        ]);
      }
      const type = String(req.headers['content-type'] ?? '');
      const file = /json/i.test(type) ? 'request.json' : /yaml|yml/i.test(type) ? 'request.yaml' : 'request';
      const { model, issues } = parseNetwork(text, file);
      const errors = issues.filter((i) => i.severity === 'error').length;
      return {
        valid: model !== undefined,
        errors,
        warnings: issues.length - errors,
        ...(model
          ? {
              counts: {
                nodes: model.nodes.length,
                links: model.links.length,
                crossings: model.crossings.length,
                services: model.services.length,
                demand: model.demand.length,
              },
            }
          : {}),
        issues: issues.map((i) => ({
          code: i.code,
          path: i.path,
          message: i.message,
          severity: i.severity,
          ...(i.line !== undefined ? { line: i.line } : {}),
        })),
      };
    });
  });

  // Scenarios

  function checkScenarioBody(body: unknown): { name: string; body: Record<string, unknown> } {
    const doc = parseWith(ScenarioBody, body);
    const { scenario, issues } = network.checkScenario(doc);
    const errors = issues.filter((i) => i.severity === 'error');
    if (!scenario || errors.length > 0)
      throw new HttpError(400, toHttpIssues(errors.length ? errors : issues));
    return { name: scenario.name, body: doc };
  }

  const scenarioView = (s: {
    id: string;
    name: string;
    body: unknown;
    created_at: string;
    updated_at: string;
  }) => ({
    id: s.id,
    name: s.name,
    created_at: s.created_at,
    updated_at: s.updated_at,
    scenario: s.body,
  });

  app.get('/api/scenarios', async () => ({ scenarios: store.scenarios().map(scenarioView) }));
  // The scenarios that ship with the network (`caravan scenarios`), to compare by name.
  const builtIns = {
    scenarios: (deps.builtInScenarios ?? []).map((s) => ({
      name: s.name,
      title: s.title,
      description: s.description,
      date: s.date,
      scenario: s.data,
    })),
  };
  app.get('/api/scenarios/built-in', async () => builtIns);
  app.post('/api/scenarios', async (req, reply) => {
    const { name, body } = checkScenarioBody(req.body);
    const s = store.createScenario(name, body);
    return reply.code(201).header('Location', `/api/scenarios/${s.id}`).send(scenarioView(s));
  });
  app.get('/api/scenarios/:id', async (req) => {
    const { id } = parseWith(IdParams, req.params, ['params']);
    const s = store.scenario(id);
    if (!s) throw notFound('scenario', id);
    return scenarioView(s);
  });
  app.put('/api/scenarios/:id', async (req) => {
    const { id } = parseWith(IdParams, req.params, ['params']);
    if (!store.scenario(id)) throw notFound('scenario', id);
    const { name, body } = checkScenarioBody(req.body);
    return scenarioView(store.updateScenario(id, name, body)!);
  });
  app.delete('/api/scenarios/:id', async (req, reply) => {
    const { id } = parseWith(IdParams, req.params, ['params']);
    if (!store.deleteScenario(id)) throw notFound('scenario', id);
    return reply.code(204).send();
  });

  // Runs history: every job and every successful request answered by a use case.

  app.get('/api/runs', async (req) => {
    const q = parseWith(RunsQuery, req.query, ['query']);
    const { total, jobs: list } = store.jobs({
      kind: q.kind,
      status: q.status as JobRecord['status'] | undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return { total, limit: q.limit, offset: q.offset, runs: list.map((j) => jobView(j)) };
  });
  app.get('/api/runs/:id', async (req) => {
    const { id } = parseWith(IdParams, req.params, ['params']);
    const job = store.job(id);
    if (!job) throw notFound('run', id);
    return jobView(job, job.status === 'done' ? store.result(id) : undefined);
  });

  // Use cases

  for (const endpoint of endpoints) {
    if (endpoint.mode === 'sync') registerSync(endpoint);
    else registerJob(endpoint);
  }

  function registerSync(endpoint: Endpoint): void {
    app.post(`/api/${endpoint.path}`, async (req, reply) => {
      const { options, model, scenarioId } = readRequest(endpoint, req.body);
      const signal = Number.isFinite(limits.job_seconds)
        ? AbortSignal.timeout(limits.job_seconds * 1000)
        : undefined;
      let result: unknown;
      try {
        result = await deps.interactivePool.run(endpoint.useCase, options, model, { signal });
      } catch (e) {
        if (e instanceof TaskError && e.kind === 'input') throw new InputError(e.issues);
        if (e instanceof TaskError && e.kind === 'cancelled' && signal?.aborted) {
          throw new InputError([
            limitIssue('job_seconds', limits.job_seconds, 'the request ran too long', 'ask for less'),
          ]);
        }
        throw e;
      }
      const job = store.createJob(endpoint.useCase, options, scenarioId);
      store.markRunning(job.id);
      store.finish(job.id, result);
      return reply.header('X-Caravan-Run', job.id).send(result);
    });
  }

  function jobOfKind(endpoint: Endpoint, params: unknown): JobRecord {
    const { id } = parseWith(IdParams, params, ['params']);
    const job = store.job(id);
    if (!job || job.kind !== endpoint.useCase) throw notFound(endpoint.noun, id);
    return job;
  }

  function registerJob(endpoint: Endpoint): void {
    const base = `/api/${endpoint.path}`;
    app.post(base, async (req, reply) => {
      const { options, model, scenarioId } = readRequest(endpoint, req.body);
      const job = jobs.submit(endpoint.useCase, options, scenarioId, model);
      return reply.code(202).header('Location', `${base}/${job.id}`).send(jobView(job));
    });
    app.get(`${base}/:id`, async (req) => {
      const job = jobOfKind(endpoint, req.params);
      return jobView(job, job.status === 'done' ? store.result(job.id) : undefined);
    });
    app.delete(`${base}/:id`, async (req) => {
      const job = jobOfKind(endpoint, req.params);
      if (!jobs.cancel(job.id)) {
        throw new HttpError(409, [
          httpIssue(
            'not_active',
            'params.id',
            `the ${endpoint.noun} has already ended (${job.status}): nothing to cancel`,
          ),
        ]);
      }
      await new Promise<void>((resolve) => {
        if (!jobs.isActive(job.id)) return resolve();
        const off = jobs.subscribe(job.id, (e) => {
          if (e.type === 'end') {
            off();
            resolve();
          }
        });
      });
      return jobView(store.job(job.id)!);
    });
    app.get(`${base}/:id/events`, async (req, reply) => {
      const job = jobOfKind(endpoint, req.params);
      streamEvents(req, reply, job);
    });
  }

  function streamEvents(req: FastifyRequest, reply: FastifyReply, job: JobRecord): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    const send = (event: string, data: unknown) =>
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const end = (j: JobRecord) => {
      send(j.status, jobView(j, j.status === 'done' ? store.result(j.id) : undefined));
      raw.end();
    };
    if (!jobs.isActive(job.id)) {
      end(store.job(job.id)!);
      return;
    }
    send('status', jobView(job));
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
    heartbeat.unref();
    const off = jobs.subscribe(job.id, (e: JobEvent) => {
      if (e.type === 'progress') send('progress', e.progress);
      else {
        clearInterval(heartbeat);
        off();
        end(e.job);
      }
    });
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      off();
    });
  }

  // The API's description, from the same schemas

  let openapi: unknown;
  app.get('/api/openapi.json', async () => {
    openapi ??= openApiDocument(useCases, endpoints, VERSION);
    return openapi;
  });
  app.get('/api/docs', async (_req, reply) => {
    openapi ??= openApiDocument(useCases, endpoints, VERSION);
    return reply.type('text/html; charset=utf-8').send(apiReferenceHtml(openapi as Record<string, unknown>));
  });

  // The dashboard

  if (deps.webRoot && existsSync(deps.webRoot)) {
    app.register(fastifyStatic, { root: deps.webRoot, prefix: '/', index: ['index.html'], wildcard: false });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(noDashboardPage()));
  }

  app.addHook('onClose', async () => {
    loopDelay.disable();
    await Promise.all([deps.jobPool.close(), deps.interactivePool.close()]);
  });
  return app;
}

function noDashboardPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Caravan</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Caravan</h1><p>The dashboard is not built in this copy: run <code>npm run build</code>, then start the server again.</p>
<p>The API answers meanwhile: see the <a href="/api/docs">API reference</a>.</p></body></html>`;
}
