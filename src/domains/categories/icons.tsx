import type { MessageKey } from '../../platform/i18n/i18n.ts'

/**
 * The icons a category may carry: a small fixed set drawn inline, so that no page depends on
 * an external asset and the Content-Security-Policy (no inline style) holds. Sizes are SVG
 * attributes, not style; colour follows the text (currentColor).
 */
const PATHS = {
  heart: 'M12 21s-7-4.5-9.5-9A5.5 5.5 0 0 1 12 6a5.5 5.5 0 0 1 9.5 6C19 16.5 12 21 12 21z',
  basket: 'M3 9h18l-2 11H5L3 9zm4 0 3-6m7 6-3-6',
  phone: 'M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z',
  home: 'M3 11 12 3l9 8v10h-6v-6H9v6H3V11z',
  mask: 'M3 8c3 0 5-2 9-2s6 2 9 2v4c0 4-4 7-9 7s-9-3-9-7V8zm4 3h10m-10 3h10',
  computer: 'M3 4h18v12H3V4zm5 16h8m-4-4v4',
  book: 'M4 4h7a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4V4zm16 0h-7a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h7V4z',
  child: 'M12 7a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-5 4h10m-5-2v7m0 0-3 6m3-6 3 6',
  paw: 'M7 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm10 0a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM10 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm4 0a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm-2 6c-3 0-6 4-6 7a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2c0-3-3-7-6-7z',
  lightbulb: 'M9 18h6m-5 3h4M12 3a6 6 0 0 0-4 10.5c1 1 1 2 1 3.5h6c0-1.5 0-2.5 1-3.5A6 6 0 0 0 12 3z',
  tools: 'M14 6a4 4 0 0 0 5 5l-9 9a2 2 0 0 1-3-3l9-9a4 4 0 0 0-2-2z',
  box: 'M3 7l9-4 9 4v10l-9 4-9-4V7zm0 0 9 4 9-4m-9 4v10',
  car: 'M5 16h14v-4l-2-5H7l-2 5v4zm0 0v3m14-3v3M7 13h.01M17 13h.01',
  leaf: 'M5 19C5 10 11 4 20 4c0 9-6 15-15 15zm0 0 8-8',
} as const

export type IconName = keyof typeof PATHS
export const iconNames = Object.keys(PATHS) as IconName[]

/** What the icon shows, for the administrator choosing one; written literally so the i18n test finds each. */
export const ICON_LABEL: Record<IconName, MessageKey> = {
  heart: 'category.icon.heart',
  basket: 'category.icon.basket',
  phone: 'category.icon.phone',
  home: 'category.icon.home',
  mask: 'category.icon.mask',
  computer: 'category.icon.computer',
  book: 'category.icon.book',
  child: 'category.icon.child',
  paw: 'category.icon.paw',
  lightbulb: 'category.icon.lightbulb',
  tools: 'category.icon.tools',
  box: 'category.icon.box',
  car: 'category.icon.car',
  leaf: 'category.icon.leaf',
}

export function isIconName(value: unknown): value is IconName {
  return typeof value === 'string' && Object.hasOwn(PATHS, value)
}

/** Decorative: the category's name always stands beside it, so screen readers skip the drawing. */
export function CategoryIcon({ name }: { name: string }) {
  const d = isIconName(name) ? PATHS[name] : PATHS.heart
  return (
    <svg
      class="icon"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  )
}
