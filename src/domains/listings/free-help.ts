import type { MessageKey } from '../../platform/i18n/i18n.ts'

/**
 * The free-help rule: no money changes hands on the platform. A listing whose text speaks of
 * prices, payment, bank details, selling or paid work is held for a moderator, who decides;
 * the rule only has to catch, not to judge, so it leans towards holding.
 *
 * Measured on free-help.corpus.ts (`node --import tsx bench/free-help.ts`). Deliberate choices:
 * - « chèque énergie », « chèque alimentaire », « chèque vacances » are public aid, not payment;
 *   any other « chèque » is (« paiement par chèque »).
 * - « paiement », « payer », « carte bancaire », « factures », « banque » alone are everyday words
 *   of administrative help (« aide au paiement des factures en ligne »); only payment between the
 *   two people is held (« contre paiement », « je vous paierai », « paiement en espèces »).
 * - Words after a negation (« non rémunéré », « sans contrepartie ») are not held.
 */
export type HoldReason = 'price' | 'payment' | 'bank' | 'sale' | 'paid-work'

/** Lower case, without accents, typographic apostrophes made plain, spaces folded. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

// A word that a negation just before it cancels: « non rémunéré », « sans rémunération ».
const NOT_NEGATED = String.raw`(?<!\b(?:non|sans|pas de|pas d'|aucune?|jamais de|ni) ?)`
const word = (body: string) => new RegExp(String.raw`${NOT_NEGATED}\b(?:${body})\b`)

const AMOUNT = String.raw`\d+(?:[.,]\d+)?\s?(?:€|euros?\b|eur\b)`

const RULES: [HoldReason, RegExp][] = [
  // « 10 € », « 10€ », « 10 euros », « € 10 », « euros » alone
  ['price', new RegExp(AMOUNT)],
  ['price', /€/],
  [
    'price',
    word(
      String.raw`euros?|\d+ ?balles|tarifs?|tarification|forfait|prix|payante?s?|pas gratuite?s?|a debattre`,
    ),
  ],
  // « 15 €/h », « 20 € de l'heure », « 10 euros l'heure », « 25 € la seance »
  [
    'paid-work',
    new RegExp(
      String.raw`${AMOUNT}\s?(?:\/\s?h\b|\/\s?heure|de l'heure|l'heure|par heure|la seance|la journee|\/jour)`,
    ),
  ],
  [
    'paid-work',
    word(
      String.raw`remuneree?s?|remuneration|retribu\w*|salaire|cesu|cheques? emploi service|auto-?entrepreneur|micro-?entrepr\w*|devis|facturer|facturation|de l'heure|par heure`,
    ),
  ],
  [
    'payment',
    word(
      String.raw`contre (?:paiement|remuneration|retribution|dedommagement|un petit billet|de l'argent)|moyennant|paiement (?:en|par) \w+|paiement (?:wero|paylib|lydia|paypal)|reglement (?:en|par) \w+|en especes|argent liquide|(?:par|en) cheques?(?! (?:energie|alimentaires?|vacances))|petit billet|pourboire|dedommag\w*|defrai\w*|participation (?:financiere|aux frais)|partag\w* (?:de |des )?(?:l'essence|frais)|frais (?:d'essence|kilometriques)|(?<!(?:aide|aider|m'aider) (?:a|au|pour) (?:le )?)paiement(?! (?:des|de mes|de ses|de vos|de la|de sa|de ma|du|en ligne)\b)|(?:je|on|nous) (?:vous|te|t') ?(?:paie|paye|paierai|payerai|paierons|payerons|paiera|payera)|(?:vous|tu) me (?:payez|paies|payes|reglez|versez)`,
    ),
  ],
  [
    'bank',
    word(
      'iban|rib|bic|paypal|lydia|paylib|wero|western union|mandat cash|par virement|virement (?:bancaire|instantane)|(?:faites|fais|faire)[- ]moi un virement|je vous (?:fais|ferai) un virement|coordonnees bancaires|numero de (?:carte|compte)|code (?:de (?:la|votre) )?carte',
    ),
  ],
  [
    'sale',
    word(
      "a vendre|vends?|vendons|vendu|vente|a ceder|cede|je loue|a louer|loyer|loue mon|prix casse|commission sur|rachete?s?|rachat|j'achete vos|achete (?:vos|tout)",
    ),
  ],
]

/** Why the text would be held, each reason once, in a fixed order; empty for a clean text. */
export function freeHelpReasons(title: string, description: string): HoldReason[] {
  const text = normalise(`${title} \n ${description}`)
  const found = new Set<HoldReason>()
  for (const [reason, pattern] of RULES) if (pattern.test(text)) found.add(reason)
  return (['price', 'payment', 'bank', 'sale', 'paid-work'] as const).filter((r) => found.has(r))
}

const MESSAGE_KEYS: Record<HoldReason, MessageKey> = {
  price: 'freeHelp.reason.price',
  payment: 'freeHelp.reason.payment',
  bank: 'freeHelp.reason.bank',
  sale: 'freeHelp.reason.sale',
  'paid-work': 'freeHelp.reason.paidWork',
}

/** The plain-words explanation an author reads when the listing is held for this reason. */
export function holdReasonMessageKey(reason: HoldReason): MessageKey {
  return MESSAGE_KEYS[reason]
}
