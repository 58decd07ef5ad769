import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { LocalisedText } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { type CrisisKind, crisisKinds } from './crisis.schema.ts'

export { type CrisisKind, crisisKinds }

/** A template as administrators edit it and the switch applies it. */
export interface CrisisTemplate {
  id: string
  territoryId: string
  kind: CrisisKind
  categorySlugs: string[]
  guidance: LocalisedText
  homeMessage: LocalisedText
  updatedBy: string | null
  updatedAt: Date
}

/** A crisis of the territory's history, open (no end) or ended with its figures. */
export interface CrisisPeriod {
  id: string
  territoryId: string
  kind: CrisisKind
  reason: string
  message: LocalisedText
  categoryIds: string[]
  callCampaignId: string | null
  startedBy: string | null
  startedAt: Date
  endedBy: string | null
  endedAt: Date | null
  endReason: string | null
  counts: Record<string, number> | null
}

export const KIND_LABEL = {
  epidemie: 'crisis.kind.epidemie',
  canicule: 'crisis.kind.canicule',
  inondation: 'crisis.kind.inondation',
  tempete: 'crisis.kind.tempete',
  'grand-froid': 'crisis.kind.grand-froid',
} as const satisfies Record<CrisisKind, MessageKey>

export const isCrisisKind = (value: string): value is CrisisKind =>
  (crisisKinds as readonly string[]).includes(value)

export const REASON_MAX = 500
export const TEMPLATE_TEXT_MAX = 1000

/** Text a person typed, trimmed; control characters other than line breaks are refused upstream. */
const clean = (text: string) => text.replace(/\r\n?/g, '\n').trim()

/** The administrator's reason for switching a crisis on or off: required, one short paragraph. */
export function checkReason(raw: string, issues: Issue[], field = 'reason'): string {
  const reason = clean(raw)
  if (reason === '') issues.push({ field, key: 'crisis.error.reasonRequired' })
  else if (reason.length > REASON_MAX)
    issues.push({ field, key: 'crisis.error.reasonTooLong', params: { max: REASON_MAX } })
  return reason
}

/** The two texts of a template, French, required and bounded. */
export function checkTemplateTexts(
  input: { guidance: string; homeMessage: string },
  issues: Issue[],
): { guidance: string; homeMessage: string } {
  const out = { guidance: clean(input.guidance), homeMessage: clean(input.homeMessage) }
  const required = {
    homeMessage: 'crisis.error.homeMessageRequired',
    guidance: 'crisis.error.guidanceRequired',
  } as const
  for (const field of ['homeMessage', 'guidance'] as const) {
    if (out[field] === '') issues.push({ field, key: required[field] })
    else if (out[field].length > TEMPLATE_TEXT_MAX)
      issues.push({ field, key: 'crisis.error.textTooLong', params: { max: TEMPLATE_TEXT_MAX } })
  }
  return out
}

/** What the end of a crisis counts, in the order the history shows them. */
export const COUNT_LABELS = {
  listings: 'crisis.count.listings',
  responses: 'crisis.count.responses',
  asksFulfilled: 'crisis.count.asksFulfilled',
  callouts: 'crisis.count.callouts',
  reached: 'crisis.count.reached',
  peopleCalled: 'crisis.count.peopleCalled',
  concerns: 'crisis.count.concerns',
} as const satisfies Record<string, MessageKey>
