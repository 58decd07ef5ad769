import type { TerritoryLegalDetails } from './territory.schema.ts'

export type AccessibilityStatus = 'none' | 'partial' | 'full'

/**
 * What the RGAA lets a site claim: « non conforme » until an audit measured its rate, then
 * « partiellement conforme » from 50 % of criteria met and « totalement conforme » at 100 %.
 */
export function accessibilityStatus(details: TerritoryLegalDetails): AccessibilityStatus {
  const rate = Number(details.auditRate)
  if (!details.auditDate || !details.auditRate || Number.isNaN(rate)) return 'none'
  if (rate >= 100) return 'full'
  return rate >= 50 ? 'partial' : 'none'
}
