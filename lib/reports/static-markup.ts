import type { ReactNode } from 'react';
import 'server-only';

// Static HTML from a React element tree of plain components (no hooks, context or client code),
// for the PDF: Next bundles server code with the `react-server` condition, where react-dom/server
// is not available (vercel/next.js#64052), and the report's document needs nothing it offers
// beyond serialising. The report test compares this with react-dom/server's output.

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const ELEMENT = Symbol.for('react.transitional.element');
const LEGACY_ELEMENT = Symbol.for('react.element');
const FRAGMENT = Symbol.for('react.fragment');

const ATTRIBUTE_NAMES: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  tabIndex: 'tabindex',
  colSpan: 'colspan',
  rowSpan: 'rowspan',
  strokeWidth: 'stroke-width',
  strokeDasharray: 'stroke-dasharray',
  strokeLinecap: 'stroke-linecap',
  strokeLinejoin: 'stroke-linejoin',
  strokeOpacity: 'stroke-opacity',
  fillOpacity: 'fill-opacity',
  textAnchor: 'text-anchor',
  dominantBaseline: 'dominant-baseline',
  fontSize: 'font-size',
  fontWeight: 'font-weight',
  fontFamily: 'font-family',
};
const UNITLESS = new Set([
  'fontWeight',
  'opacity',
  'zIndex',
  'flex',
  'flexGrow',
  'flexShrink',
  'lineHeight',
  'order',
]);

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!,
  );
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function styleText(style: Record<string, unknown>): string {
  return Object.entries(style)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(
      ([k, v]) =>
        `${kebab(k)}:${typeof v === 'number' && v !== 0 && !UNITLESS.has(k) ? `${v}px` : String(v)}`,
    )
    .join(';');
}

function attributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'dangerouslySetInnerHTML' || name === 'key' || name === 'ref')
      continue;
    if (value === null || value === undefined || value === false || typeof value === 'function') continue;
    const attr = ATTRIBUTE_NAMES[name] ?? name;
    if (name === 'style' && typeof value === 'object') {
      const text = styleText(value as Record<string, unknown>);
      if (text) out += ` style="${escapeHtml(text)}"`;
      continue;
    }
    out += value === true ? ` ${attr}=""` : ` ${attr}="${escapeHtml(String(value))}"`;
  }
  return out;
}

export function renderStatic(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string') return escapeHtml(node);
  if (typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(renderStatic).join('');
  if (typeof node !== 'object' || !('$$typeof' in node))
    throw new TypeError('unsupported node in a static document');
  const element = node as unknown as { $$typeof: symbol; type: unknown; props: Record<string, unknown> };
  if (element.$$typeof !== ELEMENT && element.$$typeof !== LEGACY_ELEMENT)
    throw new TypeError('unsupported node');
  const { type, props } = element;
  if (type === FRAGMENT) return renderStatic(props.children as ReactNode);
  if (typeof type === 'function') return renderStatic((type as (p: unknown) => ReactNode)(props));
  if (typeof type !== 'string') throw new TypeError('unsupported element type in a static document');
  const open = `<${type}${attributes(props)}>`;
  if (VOID.has(type)) return open;
  const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined;
  const body = inner?.__html ?? renderStatic(props.children as ReactNode);
  return `${open}${body}</${type}>`;
}
