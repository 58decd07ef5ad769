import { createHash } from 'node:crypto'
import { parseHTML } from 'linkedom'

/**
 * Plot draws into a DOM; on the server linkedom gives it one. One document serves every chart: Plot
 * only creates detached elements in it, which are garbage once serialised.
 */
export const { document } = parseHTML('<!doctype html><html><body></body></html>')

export const SVG_NS = 'http://www.w3.org/2000/svg'

export type SvgElement = ReturnType<typeof document.createElementNS>

export function el(
  name: string,
  attributes: Record<string, string | number> = {},
  text?: string,
): SvgElement {
  const node = document.createElementNS(SVG_NS, name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value))
  if (text !== undefined) node.textContent = text
  return node
}

export const EMPTY_TEXT = 'Aucune donnée pour cette période'

/**
 * What the page's CSP and the accessibility rules need from Plot's SVG: no inline `<style>` nor
 * `style` attribute (style-src 'self' refuses both), no generated class names (our stylesheet styles
 * `svg.chart`), and a name and a description a screen reader announces (`role="img"` with `<title>`
 * and `<desc>` referenced by id). The ids come from the chart's content, so that the same data gives
 * the same bytes and two different charts on one page do not share ids.
 */
export function finish(svg: SvgElement, text: { title: string; description: string }): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove()
  for (const node of [svg, ...svg.querySelectorAll('[class],[style]')]) {
    node.removeAttribute('class')
    node.removeAttribute('style')
  }
  svg.removeAttribute('font-family')
  svg.removeAttribute('font-size')
  // Serialised once: the ids hash the drawing, then the root and its name go in front of it.
  let body = ''
  for (const child of [...svg.childNodes]) body += serialise(child as SvgElement)
  const id = `chart-${createHash('sha1').update(body).update(text.title).update(text.description).digest('hex').slice(0, 10)}`
  svg.setAttribute('xmlns', SVG_NS)
  svg.setAttribute('class', 'chart')
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-labelledby', `${id}-title`)
  svg.setAttribute('aria-describedby', `${id}-desc`)
  const name = el('title', { id: `${id}-title` }, text.title)
  const description = el('desc', { id: `${id}-desc` }, text.description)
  return `${openTag(svg)}>${serialise(name)}${serialise(description)}${body}</svg>`
}

/** A chart that says there is nothing to draw, rather than an empty frame or an error. */
export function emptyChart(text: { title: string; description: string }): string {
  const svg = el('svg', {
    xmlns: SVG_NS,
    viewBox: '0 0 640 120',
    width: 640,
    height: 120,
    fill: 'currentColor',
  })
  svg.appendChild(
    el('rect', {
      x: 0.5,
      y: 0.5,
      width: 639,
      height: 119,
      fill: 'none',
      stroke: '#6b6b6b',
      'stroke-dasharray': '4 4',
    }),
  )
  svg.appendChild(el('text', { x: 320, y: 64, 'text-anchor': 'middle' }, EMPTY_TEXT))
  return finish(svg, text)
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g
// Direction overrides and isolates would let a label reorder the text drawn after it.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** A label as XML can hold it: no control character (invalid in XML 1.0), no lone surrogate. */
export function clean(text: string): string {
  return text.replace(CONTROL, ' ').replace(BIDI, '').replace(LONE_SURROGATE, '\ufffd')
}

/** At most `max` characters (code points, so an emoji is never cut in half), « … » when cut. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(clean(text).trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const UNSAFE = /[&<>"\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

// Quotes too in text, harmless there, so that no hostile string ever appears as it was typed. Most
// values are Plot's numbers: tested once, returned as they are.
const escapeXml = (s: string) => (UNSAFE.test(s) ? clean(s).replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c) : s)

// Plot writes positions with every digit a double has; a hundredth of a pixel is plenty, and a map
// of 530 communes is a third lighter for it.
const LONG_DECIMAL = /^-?\d+\.\d{3,}$/

function openTag(node: SvgElement): string {
  let out = `<${node.localName}`
  for (const { name, value } of node.attributes) {
    if (/^on/i.test(name) || /^(href|xlink:href|src)$/i.test(name)) continue
    out += ` ${name}="${LONG_DECIMAL.test(value) ? Number(value).toFixed(2) : escapeXml(value)}"`
  }
  return out
}

/**
 * Our own serialiser rather than linkedom's `outerHTML`, which leaves `<` and `&` raw inside
 * attribute values: what we emit must be well-formed XML whatever a label holds, inline in a page
 * as much as saved as a file.
 */
export function serialise(node: SvgElement): string {
  if (node.nodeType === 3) return escapeXml(node.textContent ?? '')
  if (node.nodeType !== 1) return ''
  const children = node.childNodes
  if (!children.length) return `${openTag(node)}/>`
  let out = `${openTag(node)}>`
  for (const child of children) out += serialise(child as SvgElement)
  return `${out}</${node.localName}>`
}
