/** Codes of metropolitan and overseas départements as INSEE writes them (01…95, 2A, 2B, 971…976). */
export const DEPARTEMENT_CODE = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

/** WCAG 2.1 relative luminance of an sRGB colour written #rrggbb. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * The primary colour carries white text (buttons, header), so it must reach the WCAG AA
 * ratio of 4.5:1 against white; a paler colour would make the platform unreadable for many.
 */
export function primaryColourProblem(colour: string): 'format' | 'contrast' | null {
  if (!HEX_COLOUR.test(colour)) return 'format'
  return contrastRatio(colour, '#ffffff') >= 4.5 ? null : 'contrast'
}

export const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:]+\]$/

export const SLUG = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/
