/**
 * A tiny DOM builder: every piece of data goes in through `textContent` or a whitelisted
 * attribute, never through HTML parsing, so hostile titles and logins stay text.
 */

type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  readonly class?: string;
  readonly id?: string;
  readonly title?: string;
  readonly role?: string;
  readonly type?: string;
  readonly 'aria-label'?: string;
  readonly 'aria-pressed'?: string;
  readonly 'aria-expanded'?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-hidden'?: string;
  readonly 'aria-live'?: string;
  readonly 'data-key'?: string;
  readonly scope?: string;
  readonly for?: string;
  readonly maxlength?: string;
  readonly rows?: string;
  readonly placeholder?: string;
  readonly tabindex?: string;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs) as [string, string | undefined][]) {
    if (value !== undefined) el.setAttribute(name, value);
  }
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attribute values are numbers or fixed strings, never data. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
