/**
 * The few DOM operations the visual components need, typed structurally so that the browser's
 * `document` and a server-side DOM (linkedom) both fit, without the DOM library in the Node build.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element as the components use it: attributes, children, text and its markup. */
export interface VizElement {
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  appendChild(child: never): unknown;
  append(...nodes: never[]): void;
  textContent: string | null;
  readonly outerHTML: string;
}

/** The document the components create elements in. */
export interface VizDocument {
  createElementNS(namespace: string, qualifiedName: string): unknown;
  createElement(tagName: string): unknown;
}

/** Attribute values: numbers are written as they are, `undefined` leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

type Child = VizElement | string | null | undefined | false;

function fill(e: VizElement, attributes: Attributes, children: readonly Child[]): VizElement {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) e.setAttribute(name, String(value));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c as never);
  }
  return e;
}

/** An SVG element with attributes and children (elements or text). */
export function svgEl(
  doc: VizDocument,
  tag: string,
  attributes: Attributes = {},
  ...children: Child[]
): VizElement {
  return fill(doc.createElementNS(SVG_NS, tag) as VizElement, attributes, children);
}

/** An HTML element with attributes and children (elements or text). */
export function htmlEl(
  doc: VizDocument,
  tag: string,
  attributes: Attributes = {},
  ...children: Child[]
): VizElement {
  return fill(doc.createElement(tag) as VizElement, attributes, children);
}

/** A `<title>` child: the tooltip on hover, and the accessible name of a mark. */
export function svgTitle(doc: VizDocument, text: string): VizElement {
  return svgEl(doc, 'title', {}, text);
}
