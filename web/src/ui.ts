/** Small helpers every dashboard panel shares: element lookup, escaping, the issue list, the status line. */
import type { VizDocument } from '../../src/viz/dom.js';
import { ApiError, type ApiIssue } from './api.js';

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The browser's document as the charts (src/viz) take it. */
export const doc = document as unknown as VizDocument;

/** A number formatted, or an en dash where there is none. */
export const fmt = (x: number | null | undefined, f: (v: number) => string) =>
  x === null || x === undefined ? '–' : f(x);

/** The error state: what failed, and each issue with its path (as the CLI lists them). */
export function issuesHtml(e: unknown, what: string): string {
  const issues: ApiIssue[] =
    e instanceof ApiError
      ? e.issues
      : [{ code: 'error', path: '', message: (e as Error)?.message ?? String(e) }];
  return `<div class="error" role="alert"><strong>${esc(what)}</strong><ul>${issues
    .map((i) => `<li>${i.path ? `<code>${esc(i.path)}</code>: ` : ''}${esc(i.message)}</li>`)
    .join('')}</ul></div>`;
}

export function setStatus(text: string): void {
  $('status').textContent = text;
}
