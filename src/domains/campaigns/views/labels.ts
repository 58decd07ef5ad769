import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type {
  CampaignItem,
  CampaignStatus,
  LedgerMovement,
  MakerKind,
  PointRole,
  Priority,
  RequesterKind,
} from '../campaign.schema.ts'

// How pages and mails name each value of the campaigns' tables; the types make a new value need its label.

export const ITEM_LABEL: Record<CampaignItem, MessageKey> = {
  masks: 'campaigns.item.masks',
  visors: 'campaigns.item.visors',
  gowns: 'campaigns.item.gowns',
  bags: 'campaigns.item.bags',
  'school-kits': 'campaigns.item.school-kits',
  other: 'campaigns.item.other',
}

export const STATUS_LABEL: Record<CampaignStatus, MessageKey> = {
  draft: 'campaigns.status.draft',
  open: 'campaigns.status.open',
  closed: 'campaigns.status.closed',
}

export const PRIORITY_LABEL: Record<Priority, MessageKey> = {
  'front-line': 'campaigns.priority.front-line',
  vulnerable: 'campaigns.priority.vulnerable',
  general: 'campaigns.priority.general',
}

export const REQUESTER_LABEL: Record<RequesterKind, MessageKey> = {
  person: 'campaigns.requester.person',
  'aid-structure': 'campaigns.requester.aid-structure',
  ehpad: 'campaigns.requester.ehpad',
  school: 'campaigns.requester.school',
  pharmacy: 'campaigns.requester.pharmacy',
  other: 'campaigns.requester.other',
}

export const MAKER_LABEL: Record<MakerKind, MessageKey> = {
  person: 'campaigns.maker.person',
  association: 'campaigns.maker.association',
  workshop: 'campaigns.maker.workshop',
}

export const POINT_ROLE_LABEL: Record<PointRole, MessageKey> = {
  collection: 'campaigns.pointRole.collection',
  distribution: 'campaigns.pointRole.distribution',
  both: 'campaigns.pointRole.both',
}

export const MOVEMENT_LABEL: Record<LedgerMovement, MessageKey> = {
  received: 'campaigns.movement.received',
  allocated: 'campaigns.movement.allocated',
  released: 'campaigns.movement.released',
  'handed-out': 'campaigns.movement.handed-out',
  lost: 'campaigns.movement.lost',
  correction: 'campaigns.movement.correction',
}
