import type { DbOrTx } from '../../platform/db/client.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { CHARTER_VERSION } from '../accounts/index.ts'
import { findCategory } from '../categories/index.ts'
import { freeHelpReasons } from './free-help.ts'
import { checkListing, expiryFrom, inFormOrder, type Listing, type ListingInput, UUID } from './listing.ts'

/*
 * The part of checking a listing that needs the territory (its categories and communes), shared by
 * the members' form and the phone line's asks so that both follow the same rules.
 */

/** The commune field: what was typed (web) or an INSEE code (API). */
export type CommuneInput = { text: string } | { insee: string }

export type SaveResult =
  | { kind: 'saved'; listing: Listing }
  /** choices: the communes the typed text fits, when it fits several */
  | { kind: 'invalid'; issues: Issue[]; choices: Commune[] }

export type CheckedListing = Awaited<ReturnType<typeof checkAgainstTerritory>>

/** `db`: the caller's transaction, when the check runs inside one (a relayed ask and its case). */
export async function checkAgainstTerritory(
  services: AppServices,
  territory: Territory,
  input: ListingInput,
  commune: CommuneInput,
  db: DbOrTx,
) {
  const { fields, issues } = checkListing(input, services.clock.now())
  const category = UUID.test(input.categoryId) ? await findCategory(db, territory.id, input.categoryId) : null
  if (!category) issues.unshift({ field: 'categoryId', key: 'listing.category.required' })
  else if (!category.active) issues.unshift({ field: 'categoryId', key: 'listing.category.inactive' })
  let place = null
  let choices: Commune[] = []
  if ('insee' in commune) place = await services.communes.find(territory, commune.insee)
  else if (commune.text.trim() !== '') {
    const found = await services.communes.resolve(territory, commune.text)
    if (found.kind === 'one') place = found.commune
    if (found.kind === 'many') choices = found.communes
  }
  if (!place) {
    const key = choices.length > 0 ? 'listing.commune.choose' : 'listing.commune.notCovered'
    issues.push({ field: 'commune', key })
  }
  const holdReasons = freeHelpReasons(fields.title, fields.description)
  return {
    fields,
    issues: inFormOrder(issues),
    place,
    choices,
    categoryId: category?.id ?? '',
    holdReasons,
  }
}

/**
 * The new row, built field by field from the checked form: a status, an author or a territory
 * sent in the body is never read. Wording about money, or the territory's review before
 * publication (`reviewFirst`), holds it for moderation.
 */
export function newListing(
  services: AppServices,
  territory: Territory,
  checked: CheckedListing,
  place: NonNullable<CheckedListing['place']>,
  by: { authorId: string; relayed: boolean; reviewFirst?: boolean },
): Listing {
  const now = services.clock.now()
  // The territory's review before publication adds its own reason after the rule's words.
  const holdReasons: string[] = by.reviewFirst ? [...checked.holdReasons, 'review'] : checked.holdReasons
  const held = holdReasons.length > 0
  return {
    ...checked.fields,
    id: services.ids(),
    territoryId: territory.id,
    authorId: by.authorId,
    relayed: by.relayed,
    categoryId: checked.categoryId,
    communeInsee: place.insee,
    latitude: place.latitude,
    longitude: place.longitude,
    charterVersion: CHARTER_VERSION,
    status: held ? 'held' : 'published',
    holdReasons,
    createdAt: now,
    updatedAt: now,
    publishedAt: held ? null : now,
    expiresAt: expiryFrom(now),
    remindedAt: null,
    closedAt: null,
  }
}
