/**
 * Watching a job of the API (a simulation, a comparison) until it ends: progress over Server-Sent
 * Events with a bar, the share done and the time left, a Cancel button, then the job as it ended.
 */
import { formatNumber } from '../../src/viz/format.js';
import { ApiError, api } from './api.js';
import { esc, issuesHtml, setStatus } from './ui.js';

export interface JobView {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: { phase: string; done: number; total: number } | null;
  options: Record<string, unknown>;
  scenario_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  issues?: { code: string; path: string; message: string }[];
  result?: unknown;
}

export interface WatchSpec {
  /** `/api/<path>/{id}/events` */
  readonly path: 'simulations' | 'comparisons';
  /** "Simulation", "Comparison": for the status line and messages. */
  readonly noun: string;
  readonly out: HTMLElement;
  readonly run: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  /** The job ended done. */
  readonly done: (job: JobView) => void;
}

export function watchJob(job: JobView, spec: WatchSpec): void {
  const { out, run, cancel, noun } = spec;
  run.disabled = true;
  cancel.hidden = false;
  const started = Date.now();
  const show = (done: number, total: number, phase: string) => {
    const share = total > 0 ? done / total : 0;
    const elapsed = (Date.now() - started) / 1000;
    const left = share > 0.02 ? (elapsed / share) * (1 - share) : undefined;
    const count = total > 0 ? `: ${formatNumber(done)} of ${formatNumber(total)}` : ', starting…';
    out.innerHTML = `<div class="loading"><span class="spinner"></span>${esc(phase || 'queued')}${count}</div>
      <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${Math.round(share * 100)}"><div style="width:${(share * 100).toFixed(1)}%"></div></div>
      <div class="muted">${Math.round(share * 100)} %${left !== undefined ? ` · about ${formatNumber(Math.ceil(left))} s left` : ''}</div>`;
    setStatus(`${noun} ${Math.round(share * 100)} %`);
  };
  show(0, 0, job.status);
  const events = new EventSource(`/api/${spec.path}/${job.id}/events`);
  events.addEventListener('progress', (e) => {
    const p = JSON.parse((e as MessageEvent).data) as { phase: string; done: number; total: number };
    show(p.done, p.total, p.phase);
  });
  const finish = (e: Event) => {
    events.close();
    run.disabled = false;
    cancel.hidden = true;
    const j = JSON.parse((e as MessageEvent).data) as JobView;
    if (j.status === 'done') {
      setStatus(`${noun} done`);
      spec.done(j);
    } else {
      setStatus(`${noun} ${j.status}`);
      out.innerHTML = issuesHtml(
        new ApiError(0, j.issues ?? []),
        j.status === 'cancelled'
          ? `The ${noun.toLowerCase()} was cancelled`
          : `The ${noun.toLowerCase()} failed`,
      );
    }
  };
  for (const s of ['done', 'failed', 'cancelled']) events.addEventListener(s, finish);
  events.onerror = () => {
    if (events.readyState === EventSource.CLOSED) {
      run.disabled = false;
      cancel.hidden = true;
    }
  };
  cancel.onclick = () => {
    void api('DELETE', `/api/${spec.path}/${job.id}`).catch(() => undefined);
  };
}
