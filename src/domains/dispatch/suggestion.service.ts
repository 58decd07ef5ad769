import type { Actor } from '../../platform/auth/actor.ts'
import { notFound } from '../../platform/http/problem.ts'
import { type Locale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { isUuid } from '../../platform/validation.ts'
import { type Listing, listingById } from '../listings/index.ts'
import { answeredListings, blockedBetween } from '../matches/index.ts'
import { coordinator } from './access.ts'
import { ageHours } from './ask-time.ts'
import { pendingVolunteersOf } from './dispatch.repository.ts'
import type { ScorePart } from './dispatch.schema.ts'
import {
  distanceKm,
  pairFacts,
  type RankedAsk,
  type RankedVolunteer,
  rankedAsks,
  rankedVolunteers,
  verifiedOf,
  withinReach,
} from './ranking.ts'
import { whyInWords } from './reasons.ts'
import { type PairFacts, scorePair } from './score.ts'

/** How many suggestions the coordinator sees for one ask. */
export const SUGGESTIONS_SHOWN = 20

export interface Suggestion {
  volunteerId: string
  displayName: string
  communeName: string
  distanceKm: number
  score: number
  parts: ScorePart[]
  facts: PairFacts
  /** the ask's half-days the volunteer is free on */
  freeHalfDays: string[]
  /** the ask is already waiting for this volunteer's answer */
  alreadyProposed: boolean
}

export interface AskSummary {
  listingId: string
  title: string
  description: string
  categoryName: string
  communeName: string
  relayed: boolean
  ageHours: number
  language: string
}

/**
 * The volunteers an ask may go to, best first: in reach (their radius and 50 km), not its author,
 * not blocked either way, verified when the category asks it. Opted-out, suspended and
 * unconfirmed accounts are not candidates at all (accounts' proposalCandidates).
 */
export async function rankFor(
  services: AppServices,
  territory: Territory,
  ask: RankedAsk,
  volunteers: readonly RankedVolunteer[],
): Promise<Suggestion[]> {
  const author = ask.listing.authorId
  const reachable = volunteers.flatMap((v) => {
    const distance = distanceKm(ask, v)
    return v.candidate.id !== author && withinReach(distance, v) ? [{ v, distance }] : []
  })
  const ids = reachable.map((r) => r.v.candidate.id)
  const blocked = await blockedBetween(services.database.db, author, ids)
  const needsVerified = Boolean(ask.category?.needsVerifiedVolunteer)
  const verified = needsVerified ? await verifiedOf(services, territory, ids) : new Set<string>()
  const pending = await pendingVolunteersOf(services.database.db, territory.id, ask.listing.id)
  const suggestions: Suggestion[] = []
  for (const { v, distance } of reachable) {
    const id = v.candidate.id
    if (blocked.has(id) || (needsVerified && !verified.has(id))) continue
    const facts = pairFacts(ask, v, distance, verified.has(id))
    const { score, parts } = scorePair(facts)
    suggestions.push({
      volunteerId: id,
      displayName: v.candidate.displayName,
      communeName: v.commune?.name ?? v.candidate.communeInsee,
      distanceKm: distance,
      score,
      parts,
      facts,
      freeHalfDays: ask.halfDays.filter((h) => v.candidate.availability.includes(h)),
      alreadyProposed: pending.has(id),
    })
  }
  return suggestions.sort(
    (a, b) => b.score - a.score || a.distanceKm - b.distanceKm || (a.volunteerId < b.volunteerId ? -1 : 1),
  )
}

/** A published ask of this territory nobody answered yet; anything else is a 404, as another territory's. */
export async function waitingAsk(
  services: AppServices,
  territory: Territory,
  listingId: string,
): Promise<Listing> {
  if (!isUuid(listingId)) throw notFound()
  const { db } = services.database
  const listing = await listingById(db, territory.id, listingId)
  if (listing?.kind !== 'ask' || listing.status !== 'published') throw notFound()
  if ((await answeredListings(db, [listing.id])).size > 0) throw notFound()
  return listing
}

export class SuggestionService {
  constructor(private readonly services: AppServices) {}

  /** The ask and its top suggestions, each with why in words; names and communes only, never a contact. */
  async forAsk(actor: Actor | null, territory: Territory, listingId: string, locale: Locale) {
    coordinator(actor, 'dispatch:read')
    const t = translator(locale)
    const listing = await waitingAsk(this.services, territory, listingId)
    const [ask] = await rankedAsks(this.services, territory, [listing])
    const volunteers = await rankedVolunteers(this.services, territory)
    const ranked = (await rankFor(this.services, territory, ask!, volunteers)).slice(0, SUGGESTIONS_SHOWN)
    const categoryName = ask!.category ? localised(ask!.category.name, locale) : ''
    const summary: AskSummary = {
      listingId: listing.id,
      title: listing.title,
      description: listing.description,
      categoryName,
      communeName:
        (await this.services.communes.find(territory, listing.communeInsee))?.name ?? listing.communeInsee,
      relayed: listing.relayed,
      ageHours: ageHours(listing, this.services.clock.now()),
      language: ask!.language,
    }
    return {
      ask: summary,
      suggestions: ranked.map((s) => ({
        ...s,
        why: whyInWords(t, s.facts, { categoryName, freeHalfDays: s.freeHalfDays, language: ask!.language }),
      })),
    }
  }
}
