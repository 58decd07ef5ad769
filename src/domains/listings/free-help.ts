import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { type HoldReason, OWN_AFFAIRS, RULES } from './free-help.patterns.ts'

/**
 * The free-help rule: no money changes hands on the platform. A listing, mission or need whose
 * text speaks of prices, payment, shared costs, asking for money, bank details, selling or paid
 * work is held for a moderator, who decides; the rule only has to catch, not to judge, so it
 * leans towards holding. Its patterns and deliberate choices are in free-help.patterns.ts; how it
 * is measured (a tuning part and a held-out part of a labelled corpus) in bench/free-help.ts.
 */
export type { HoldReason }

const REASON_ORDER: readonly HoldReason[] = [
  'price',
  'payment',
  'costs',
  'money-request',
  'bank',
  'sale',
  'paid-work',
]

/** Lower case, without accents, typographic apostrophes made plain, spaces folded. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

// Words people type without their apostrophe or in text-message shorthand, written out in full.
const SHORTHAND: [RegExp, string][] = [
  [/\b(qu|[cdjlmnst]) (?=[aeiouyh])/g, "$1'"],
  [/\bvs\b/g, 'vous'],
  [/\bqq(?:u?n|un)\b/g, "quelqu'un"],
  [/\bpr\b/g, 'pour'],
  [/\btt\b/g, 'tout'],
  [/\bstp\b|\bsvp\b/g, ''],
]

/** Why the text would be held, each reason once, in a fixed order; empty for a clean text. */
export function freeHelpReasons(title: string, description: string): HoldReason[] {
  // The title and the description are read apart: a phrase does not run from one into the other.
  let text = normalise(`${title} . ${description}`)
  for (const [shorthand, full] of SHORTHAND) text = text.replace(shorthand, full)
  for (const phrase of OWN_AFFAIRS) text = text.replace(phrase, ' ~ ')
  const found = new Set<HoldReason>()
  for (const [reason, pattern] of RULES) if (pattern.test(text)) found.add(reason)
  return REASON_ORDER.filter((r) => found.has(r))
}

const MESSAGE_KEYS: Record<HoldReason, MessageKey> = {
  price: 'freeHelp.reason.price',
  payment: 'freeHelp.reason.payment',
  bank: 'freeHelp.reason.bank',
  sale: 'freeHelp.reason.sale',
  costs: 'freeHelp.reason.costs',
  'money-request': 'freeHelp.reason.moneyRequest',
  'paid-work': 'freeHelp.reason.paidWork',
}

/** The plain-words explanation an author reads when the listing is held for this reason. */
export function holdReasonMessageKey(reason: HoldReason): MessageKey {
  return MESSAGE_KEYS[reason]
}
