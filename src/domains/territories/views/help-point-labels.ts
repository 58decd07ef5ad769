import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { HelpPointKind } from '../help-point.schema.ts'

export const KIND_LABEL: Record<HelpPointKind, MessageKey> = {
  ccas: 'helpPoint.kind.ccas',
  'france-services': 'helpPoint.kind.franceServices',
  mairie: 'helpPoint.kind.mairie',
  association: 'helpPoint.kind.association',
  other: 'helpPoint.kind.other',
}

/** Where the « besoin d'aide » page lists the help points: the home page and the contact page link there. */
export const HELP_POINTS_ANCHOR = 'points-d-aide'
export const HELP_POINTS_HREF = `/besoin-d-aide#${HELP_POINTS_ANCHOR}`
