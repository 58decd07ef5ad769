import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ProducerLabel, ProductFamily, SalesMode } from '../producer.schema.ts'

// How pages name each value of the producers' tables; the types make a new value need its label.

export const FAMILY_LABEL: Record<ProductFamily, MessageKey> = {
  fruits: 'producers.family.fruits',
  legumes: 'producers.family.legumes',
  viande: 'producers.family.viande',
  laitages: 'producers.family.laitages',
  oeufs: 'producers.family.oeufs',
  miel: 'producers.family.miel',
  pain: 'producers.family.pain',
  boissons: 'producers.family.boissons',
  transformes: 'producers.family.transformes',
}

export const QUALITY_LABEL: Record<ProducerLabel, MessageKey> = {
  ab: 'producers.label.ab',
  'label-rouge': 'producers.label.label-rouge',
  aop: 'producers.label.aop',
  igp: 'producers.label.igp',
  hve: 'producers.label.hve',
  'bienvenue-ferme': 'producers.label.bienvenue-ferme',
}

export const MODE_LABEL: Record<SalesMode, MessageKey> = {
  'farm-shop': 'producers.mode.farm-shop',
  market: 'producers.mode.market',
  basket: 'producers.mode.basket',
  delivery: 'producers.mode.delivery',
  drive: 'producers.mode.drive',
}
