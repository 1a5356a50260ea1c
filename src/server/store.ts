/**
 * The server's memory: scenarios, jobs (every run, with its options, progress and outcome) and
 * their results, in one SQLite file in WAL mode. The schema is versioned (`PRAGMA user_version`);
 * each migration runs once, in a transaction. At open, a job the last process left `queued` or
 * `running` (it was cut off by a crash or a stop) is marked `failed`, never left running.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled'];

export interface JobProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface JobIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export interface JobRecord {
  readonly id: string;
  /** The use case: 'simulate', 'route', … */
  readonly kind: string;
  readonly status: JobStatus;
  readonly options: unknown;
  readonly scenario_id: string | null;
  readonly progress: JobProgress | null;
  /** Why it failed, as issues (the same shape as a 400's). */
  readonly error: readonly JobIssue[] | null;
  readonly created_at: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
}

export interface ScenarioRecord {
  readonly id: string;
  readonly name: string;
  /** The caravan-scenario/1 document as the client sent it. */
  readonly body: unknown;
  readonly created_at: string;
  readonly updated_at: string;
}

/** Versioned schema changes, oldest first; never edit one that has shipped, add the next. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE scenarios (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','cancelled')),
     options TEXT NOT NULL,
     scenario_id TEXT,
     progress TEXT,
     error TEXT,
     created_at TEXT NOT NULL,
     started_at TEXT,
     finished_at TEXT
   );
   CREATE INDEX jobs_created ON jobs (created_at DESC);
   CREATE TABLE results (
     job_id TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
     result TEXT NOT NULL
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  options: string;
  scenario_id: string | null;
  progress: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

interface ScenarioRow {
  id: string;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
}

function now(): string {
  return new Date().toISOString();
}

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

function jobOf(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    options: parseJson(row.options),
    scenario_id: row.scenario_id,
    progress: parseJson(row.progress) as JobProgress | null,
    error: parseJson(row.error) as JobIssue[] | null,
    created_at: row.created_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
  };
}

function scenarioOf(row: ScenarioRow): ScenarioRecord {
  return { ...row, body: JSON.parse(row.body) };
}

export class Store {
  readonly db: Database.Database;
  /** How many jobs were found cut off (queued or running) when the store was opened. */
  readonly recovered: number;

  /** Opens (creating if needed) the database at `file`; ':memory:' for a throwaway one. */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.recovered = this.failInterrupted();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.schemaVersion;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `the database has schema version ${current}, newer than this Caravan knows (${MIGRATIONS.length}): use a newer Caravan or another --db file`,
      );
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private failInterrupted(): number {
    const message = 'the server stopped while this job was queued or running; run it again';
    const error = JSON.stringify([{ code: 'interrupted', path: '', message }]);
    return this.db
      .prepare(
        `UPDATE jobs SET status = 'failed', error = ?, finished_at = ? WHERE status IN ('queued', 'running')`,
      )
      .run(error, now()).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // Jobs

  createJob(kind: string, options: unknown, scenarioId: string | null): JobRecord {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO jobs (id, kind, status, options, scenario_id, created_at) VALUES (?, ?, 'queued', ?, ?, ?)`,
      )
      .run(id, kind, JSON.stringify(options), scenarioId, now());
    return this.job(id)!;
  }

  job(id: string): JobRecord | undefined {
    if (!this.db.open) return undefined;
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? jobOf(row) : undefined;
  }

  jobs(filter: {
    kind?: string | undefined;
    status?: JobStatus | undefined;
    limit: number;
    offset: number;
  }): {
    total: number;
    jobs: JobRecord[];
  } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.kind !== undefined) {
      where.push('kind = ?');
      args.push(filter.kind);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      args.push(filter.status);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM jobs ${clause}`).get(...args) as { n: number })
      .n;
    const rows = this.db
      .prepare(`SELECT * FROM jobs ${clause} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
      .all(...args, filter.limit, filter.offset) as JobRow[];
    return { total, jobs: rows.map(jobOf) };
  }

  markRunning(id: string): void {
    if (!this.db.open) return; // stopping: the next start marks the job failed
    this.db
      .prepare(`UPDATE jobs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`)
      .run(now(), id);
  }

  setProgress(id: string, progress: JobProgress): void {
    if (!this.db.open) return; // stopping: the next start marks the job failed
    this.db.prepare('UPDATE jobs SET progress = ? WHERE id = ?').run(JSON.stringify(progress), id);
  }

  /** Records the result and marks the job done, in one transaction. */
  finish(id: string, result: unknown): void {
    if (!this.db.open) return; // stopping: the next start marks the job failed
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR REPLACE INTO results (job_id, result) VALUES (?, ?)')
        .run(id, JSON.stringify(result));
      this.db.prepare(`UPDATE jobs SET status = 'done', finished_at = ? WHERE id = ?`).run(now(), id);
    })();
  }

  fail(id: string, status: 'failed' | 'cancelled', error: readonly JobIssue[]): void {
    if (!this.db.open) return; // stopping: the next start marks the job failed
    this.db
      .prepare('UPDATE jobs SET status = ?, error = ?, finished_at = ? WHERE id = ?')
      .run(status, JSON.stringify(error), now(), id);
  }

  result(id: string): unknown {
    const row = this.db.prepare('SELECT result FROM results WHERE job_id = ?').get(id) as
      | { result: string }
      | undefined;
    return row ? JSON.parse(row.result) : undefined;
  }

  // Scenarios

  createScenario(name: string, body: unknown): ScenarioRecord {
    const id = randomUUID();
    const at = now();
    this.db
      .prepare('INSERT INTO scenarios (id, name, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, JSON.stringify(body), at, at);
    return this.scenario(id)!;
  }

  scenario(id: string): ScenarioRecord | undefined {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
    return row ? scenarioOf(row) : undefined;
  }

  scenarios(): ScenarioRecord[] {
    return (this.db.prepare('SELECT * FROM scenarios ORDER BY created_at, rowid').all() as ScenarioRow[]).map(
      scenarioOf,
    );
  }

  updateScenario(id: string, name: string, body: unknown): ScenarioRecord | undefined {
    const { changes } = this.db
      .prepare('UPDATE scenarios SET name = ?, body = ?, updated_at = ? WHERE id = ?')
      .run(name, JSON.stringify(body), now(), id);
    return changes === 0 ? undefined : this.scenario(id);
  }

  deleteScenario(id: string): boolean {
    return this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
  }
}
