/**
 * The OpenAPI 3.1 description of the API, generated from the same zod schemas that check the
 * requests (the use cases' options and results), and a reference page rendered from it, offline.
 */
import { z } from 'zod';
import type { Endpoint } from './endpoints.js';
import { snakeCase } from './http-fields.js';
import type { UseCaseRegistry } from './use-case-types.js';

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const ISSUES: Json = {
  type: 'object',
  required: ['issues'],
  properties: {
    issues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'path', 'message'],
        properties: {
          code: {
            type: 'string',
            description: 'what kind of problem: invalid_type, unknown_reference, limit_exceeded, …',
          },
          path: {
            type: 'string',
            description: 'where: a path into the body (`links[3].to`), `query.<name>` or `params.<name>`',
          },
          message: { type: 'string', description: 'what is wrong and how to fix it' },
        },
      },
    },
  },
};

const JOB: Json = {
  type: 'object',
  required: ['id', 'kind', 'status', 'created_at'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', description: 'the use case: simulate, compare, route, …' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
    progress: {
      type: ['object', 'null'],
      properties: { phase: { type: 'string' }, done: { type: 'number' }, total: { type: 'number' } },
    },
    scenario_id: { type: ['string', 'null'] },
    options: { description: 'the options the run was given, defaults filled in' },
    created_at: { type: 'string', format: 'date-time' },
    started_at: { type: ['string', 'null'], format: 'date-time' },
    finished_at: { type: ['string', 'null'], format: 'date-time' },
    issues: {
      $ref: '#/components/schemas/Issues/properties/issues',
      description: 'why it failed or was cancelled',
    },
    result: { description: 'the result, once done' },
  },
};

const errors = (codes: number[]): Json =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: {
          400: 'bad input: malformed JSON, wrong types, unknown fields or places (with suggestions)',
          404: 'no such id',
          409: 'the job has already ended',
          413: 'the body is over the limit file_bytes',
          415: 'the body is not JSON',
          422: 'the request asks more than a limit allows (the issue names the limit and how to raise it)',
        }[c],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Issues' } } },
      },
    ]),
  );

const ok = (description: string, schema: Json, type = 'application/json'): Json => ({
  description,
  content: { [type]: { schema } },
});

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export function openApiDocument(
  useCases: UseCaseRegistry,
  endpoints: readonly Endpoint[],
  version: string,
): Json {
  const schemas: Json = { Issues: ISSUES, Job: JOB };
  const paths: Json = {
    '/api/health': {
      get: {
        summary: 'is the server up; its jobs and workers',
        responses: { 200: ok('status', { type: 'object' }) },
      },
    },
    '/api/network': {
      get: {
        summary: 'the validated network model (caravan/1) the server answers about',
        responses: { 200: ok('the model', { type: 'object' }) },
      },
    },
    '/api/crossings': {
      get: {
        summary:
          'the border crossings with their parameters and, per direction, capacity declared, operational (from lanes, hours and clearance times) and effective, t/yr',
        responses: { 200: ok('the crossings', { type: 'object' }) },
      },
    },
    '/api/network.geojson': {
      get: {
        summary: 'the network as GeoJSON: nodes as Points; links, crossings and services as LineStrings',
        responses: { 200: ok('a FeatureCollection', { type: 'object' }, 'application/geo+json') },
      },
    },
    '/api/validate': {
      post: {
        summary: 'validate a network (caravan/1, JSON or YAML text) and list its issues with lines',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object' } },
            'application/yaml': { schema: { type: 'string' } },
          },
        },
        responses: {
          200: ok('valid or not, with every issue', {
            type: 'object',
            properties: {
              valid: { type: 'boolean' },
              errors: { type: 'integer' },
              warnings: { type: 'integer' },
              issues: { type: 'array' },
            },
          }),
          ...errors([400, 413]),
        },
      },
    },
    '/api/scenarios': {
      get: { summary: 'stored scenarios', responses: { 200: ok('the scenarios', { type: 'object' }) } },
      post: {
        summary: 'store a scenario (caravan-scenario/1); checked against the network first',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { 201: ok('the stored scenario with its id', { type: 'object' }), ...errors([400, 413]) },
      },
    },
    '/api/scenarios/built-in': {
      get: {
        summary:
          'the scenarios that ship with the embedded network (caravan scenarios): {scenarios: [{name, title, description, date, scenario}]}; empty for another network',
        responses: { 200: ok('the built-in scenarios', { type: 'object' }) },
      },
    },
    '/api/scenarios/{id}': {
      parameters: [idParam],
      get: {
        summary: 'one stored scenario',
        responses: { 200: ok('the scenario', { type: 'object' }), ...errors([404]) },
      },
      put: {
        summary: 'replace a stored scenario',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { 200: ok('the scenario', { type: 'object' }), ...errors([400, 404, 413]) },
      },
      delete: {
        summary: 'delete a stored scenario',
        responses: { 204: { description: 'deleted' }, ...errors([404]) },
      },
    },
    '/api/runs': {
      get: {
        summary: 'runs history, newest first: every job and every answered use-case request',
        parameters: [
          { name: 'kind', in: 'query', schema: { type: 'string' } },
          {
            name: 'status',
            in: 'query',
            schema: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
          },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: {
          200: ok('a page of runs', {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              runs: { type: 'array', items: { $ref: '#/components/schemas/Job' } },
            },
          }),
          ...errors([400]),
        },
      },
    },
    '/api/runs/{id}': {
      parameters: [idParam],
      get: {
        summary: 'one run with its result',
        responses: { 200: ok('the run', { $ref: '#/components/schemas/Job' }), ...errors([404]) },
      },
    },
  };
  for (const e of endpoints) {
    const uc = useCases[e.useCase]!;
    const name = e.useCase.charAt(0).toUpperCase() + e.useCase.slice(1);
    // The request's fields are the options in snake_case (src/server/http-fields.ts).
    const options = schemaOf(uc.options, 'input');
    const props = Object.fromEntries(
      Object.entries((options.properties ?? {}) as Json).map(([k, v]) => [snakeCase(k), v]),
    );
    const required = Array.isArray(options.required)
      ? { required: (options.required as string[]).map(snakeCase) }
      : {};
    schemas[`${name}Options`] = {
      ...options,
      ...required,
      properties: {
        ...props,
        scenario_id: { type: 'string', description: 'run on the network with this stored scenario applied' },
      },
    };
    schemas[`${name}Result`] = schemaOf(uc.result, 'output');
    const body = {
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Options` } } },
    };
    if (e.mode === 'sync') {
      paths[`/api/${e.path}`] = {
        post: {
          summary: uc.summary,
          requestBody: body,
          responses: {
            200: ok('the result', { $ref: `#/components/schemas/${name}Result` }),
            ...errors([400, 413, 415, 422]),
          },
        },
      };
    } else {
      const job = { $ref: '#/components/schemas/Job' };
      paths[`/api/${e.path}`] = {
        post: {
          summary: `${uc.summary} (a job: answers 202 with its id at once)`,
          requestBody: body,
          responses: { 202: ok('the queued job', job), ...errors([400, 413, 415, 422]) },
        },
      };
      paths[`/api/${e.path}/{id}`] = {
        parameters: [idParam],
        get: {
          summary: `the ${e.noun}: status, progress and, once done, its result (${name}Result)`,
          responses: { 200: ok('the job', job), ...errors([404]) },
        },
        delete: {
          summary: `cancel the ${e.noun}`,
          responses: { 200: ok('the cancelled job', job), ...errors([404, 409]) },
        },
      };
      paths[`/api/${e.path}/{id}/events`] = {
        parameters: [idParam],
        get: {
          summary: `Server-Sent Events: "status", then "progress" {phase, done, total}, then one of "done" (with the result), "failed", "cancelled"`,
          responses: {
            200: ok('an event stream', { type: 'string' }, 'text/event-stream'),
            ...errors([404]),
          },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Caravan API',
      version,
      description:
        'A digital twin of the China–Europe overland freight corridors through Kazakhstan. Every error is {"issues": [{code, path, message}]}.',
    },
    paths,
    components: { schemas },
  };
}

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function typeText(s: Json | undefined): string {
  if (!s) return '';
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (s.type === 'array') return `${typeText(s.items as Json)}[]`;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(typeText).join(' | ');
  return String(s.type ?? (s.$ref ? String(s.$ref).split('/').pop() : 'any'));
}

function propertiesTable(schema: Json): string {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(([k, p]) => {
    const range = [
      p.minimum !== undefined ? `≥ ${p.minimum}` : '',
      p.exclusiveMinimum !== undefined ? `> ${p.exclusiveMinimum}` : '',
      p.maximum !== undefined ? `≤ ${p.maximum}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `<tr><td><code>${esc(k)}</code>${required.has(k) ? ' <span class="req">required</span>' : ''}</td><td><code>${esc(typeText(p))}</code></td><td>${p.default !== undefined ? `<code>${esc(JSON.stringify(p.default))}</code>` : ''}</td><td>${esc(range)}</td><td>${esc(String(p.description ?? ''))}</td></tr>`;
  });
  if (rows.length === 0) return '';
  return `<table><thead><tr><th>field</th><th>type</th><th>default</th><th>range</th><th>meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A self-contained HTML reference page for the OpenAPI document (no scripts, no CDN). */
export function apiReferenceHtml(doc: Json): string {
  const info = doc.info as Json;
  const schemas = ((doc.components as Json).schemas ?? {}) as Record<string, Json>;
  const sections: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const o = op as Json;
      const ref = (
        ((o.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as
          | Json
          | undefined
      )?.schema as Json | undefined;
      const bodySchema = ref?.$ref ? schemas[String(ref.$ref).split('/').pop()!] : undefined;
      const codes = Object.keys(o.responses as Json).join(', ');
      sections.push(`<section id="${esc(method)}-${esc(path)}"><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(String(o.summary ?? ''))}</p>${bodySchema ? `<h4>Body</h4>${propertiesTable(bodySchema)}` : ''}<p class="codes">Status codes: ${esc(codes)}</p></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(String(info.title))} reference</title><style>
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:64rem;margin:0 auto;padding:1.5rem 2rem}
h1{font-size:1.5rem;margin:0 0 .25rem} h3{font-size:1rem;margin:1.5rem 0 .25rem} h4{margin:.5rem 0 .25rem;font-size:.85rem;color:#4a5568}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace} section{border-top:1px solid #e2e8f0;padding-bottom:.5rem}
.m{display:inline-block;min-width:4.2em;text-align:center;border-radius:3px;color:#fff;font-size:.75rem;padding:.1rem .3rem;font-weight:600}
.get{background:#0072B2}.post{background:#007a5a}.put{background:#8a5a00}.delete{background:#b0413e}
table{border-collapse:collapse;width:100%;font-size:.85rem} th,td{text-align:left;border-bottom:1px solid #edf2f7;padding:.25rem .5rem;vertical-align:top}
th{color:#4a5568;font-weight:600} .req{color:#b0413e;font-size:.75rem} .codes{color:#4a5568;font-size:.8rem}
a{color:#0060a0}</style></head><body>
<p><a href="/">← Dashboard</a> · <a href="/api/openapi.json">openapi.json</a></p>
<h1>${esc(String(info.title))} <small>${esc(String(info.version))}</small></h1><p>${esc(String(info.description ?? ''))}</p>
${sections.join('\n')}
</body></html>`;
}
