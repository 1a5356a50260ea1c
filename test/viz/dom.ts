/** A server-side document (linkedom) for rendering the visual components in tests. */
import { parseHTML } from 'linkedom';
import type { VizDocument, VizElement } from '../../src/viz/dom.js';

export function newDocument(): VizDocument {
  const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
  return document as unknown as VizDocument;
}

/** The element as linkedom gives it, to query. */
export function q(e: VizElement): any {
  return e as any;
}

/** Every element matching a selector. */
export function all(e: VizElement, selector: string): any[] {
  return [...(e as any).querySelectorAll(selector)];
}

/** A numeric attribute. */
export function num(e: any, name: string): number {
  return Number(e.getAttribute(name));
}
