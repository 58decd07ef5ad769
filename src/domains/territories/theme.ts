import type { Territory } from '../../platform/tenancy/territory.ts'

function shade(hex: string, factor: number): string {
  const channels = [1, 3, 5].map((i) => Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * factor))
  return `#${channels.map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, '0')).join('')}`
}

/**
 * The territory's colours as CSS custom properties, served as a stylesheet because the
 * content security policy forbids inline styles. The colour was checked for AA contrast
 * against white when the territory was saved; the darker shade only gets darker.
 */
export function themeCss(territory: Territory): string {
  const primary = territory.primaryColor
  return `:root{--primary:${primary};--primary-dark:${shade(primary, 0.75)};}\n`
}
