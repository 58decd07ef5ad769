import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { notifyPublished } from './alerts.jobs.ts'
import { insertListing } from './listing.repository.ts'
import type { ListingInput } from './listing.ts'
import { type CommuneInput, checkAgainstTerritory, newListing, type SaveResult } from './listing-check.ts'
import { queueListing } from './listing-review.ts'

/** What the phone line types for a person without an account: an ask, always, on their behalf. */
export interface RelayedAsk {
  categoryId: string
  title: string
  description: string
  urgency: string
  /** the person's commune unless the agent typed another */
  commune: CommuneInput
  /** the person's first name, shown on the listing as whom the ask is for */
  onBehalfName: string
}

/**
 * Posts an ask the phone line took by phone: authored by the agent's account but marked
 * `relayed`, so its page names the line, never the agent, and its responses go to the line's
 * queue. The listing rules are those of any ask (free-help hold, expiry, alerts); the consent is
 * the one recorded on the person's record. Written in the caller's transaction, with the case.
 */
export async function createRelayedAsk(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  ask: RelayedAsk,
  tx: DbOrTx,
): Promise<SaveResult> {
  if (!can(actor, 'phone:intake')) throw new HttpError(403, 'forbidden')
  const me = actor!
  const input: ListingInput = {
    kind: 'ask',
    categoryId: ask.categoryId,
    title: ask.title,
    description: ask.description,
    whenKind: 'flexible',
    whenStart: '',
    whenEnd: '',
    recurrence: '',
    urgency: ask.urgency,
    capacity: '',
    forOther: true,
    onBehalfName: ask.onBehalfName,
    onBehalfRelation: 'accueil téléphonique',
    onBehalfConsent: true,
    charter: true,
  }
  const checked = await checkAgainstTerritory(services, territory, input, ask.commune, tx)
  if (checked.issues.length > 0 || !checked.place)
    return { kind: 'invalid', issues: checked.issues, choices: checked.choices }
  const listing = newListing(services, territory, checked, checked.place, {
    authorId: me.accountId,
    relayed: true,
  })
  await insertListing(tx, listing)
  // The review before publication never holds a relayed ask; money wording still does.
  if (listing.status === 'published') await notifyPublished(services, listing.id, tx)
  else await queueListing(services, tx, listing)
  return { kind: 'saved', listing }
}
