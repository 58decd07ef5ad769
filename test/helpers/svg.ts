import { DOMParser } from 'linkedom'
import { type SvgElement, serialise } from '../../src/platform/charts/svg-document.ts'

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()

/**
 * Reads a chart as a screen reader and a browser would: its name and description through the ids
 * its root points to, the texts drawn, the marks of a colour. Parsed as XML; `roundTrips` says that
 * serialising what was parsed gives the same bytes, so nothing in a label was read as markup.
 */
export function readSvg(svg: string) {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml')
  const root = document.documentElement as unknown as SvgElement
  const byId = (id: string | null) => (id ? root.querySelector(`[id="${id}"]`) : null)
  return {
    root,
    roundTrips: serialise(root) === svg,
    name: () => squash(byId(root.getAttribute('aria-labelledby'))?.textContent),
    description: () => squash(byId(root.getAttribute('aria-describedby'))?.textContent),
    texts: () => [...root.querySelectorAll('text')].map((t) => squash(t.textContent)).filter(Boolean),
    tooltips: () => [...root.querySelectorAll('title')].slice(1).map((t) => squash(t.textContent)),
    count: (selector: string) => root.querySelectorAll(selector).length,
    elements: () => [...root.querySelectorAll('*')].map((e) => e.localName),
    attributes: () =>
      [root, ...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)),
  }
}

/** WCAG's contrast ratio of a #rrggbb colour against white. */
export function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
  return 1.05 / (l + 0.05)
}
