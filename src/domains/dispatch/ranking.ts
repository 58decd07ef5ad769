import type { Commune } from '../../platform/geo/commune.ts'
import { haversineKm } from '../../platform/geo/distance.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards, type ProposalCandidate, proposalCandidates } from '../accounts/index.ts'
import { callLanguagesOf } from '../calls/index.ts'
import { type Category, listCategories } from '../categories/index.ts'
import type { Listing } from '../listings/index.ts'
import { openMatchCounts } from '../matches/index.ts'
import { peopleOfAsks } from '../phone/index.ts'
import { verifiedAmong } from '../volunteers/index.ts'
import { askHalfDays } from './ask-time.ts'
import { type Responsiveness, responsivenessOf } from './dispatch.repository.ts'
import { availabilityShare, type PairFacts } from './score.ts'

/** No suggestion beyond this, whatever radius a volunteer declared. */
export const MAX_KM = 50
const DAY_MS = 86_400_000
/** Responsiveness is measured over this window. */
export const RESPONSIVENESS_DAYS = 90

/** An ask with what ranking needs: where, which category, which half-days, which language. */
export interface RankedAsk {
  listing: Listing
  category: Category | null
  point: { latitude: number; longitude: number }
  halfDays: string[]
  /**
   * the language of the person who asks: their account's; for a relayed ask, the one the person
   * gave when registered for calls, else French (the line records no other)
   */
  language: string
}

/** A volunteer with what ranking needs; contact details are never read. */
export interface RankedVolunteer {
  candidate: ProposalCandidate
  commune: Commune | null
  openMatches: number
  responsiveness: Responsiveness | null
}

async function communesOf(services: AppServices, territory: Territory, insees: Iterable<string>) {
  const found = new Map<string, Commune | null>()
  for (const insee of new Set(insees)) found.set(insee, await services.communes.find(territory, insee))
  return found
}

/** The territory's categories by id (inactive ones too: an old ask keeps its category). */
export async function categoriesById(services: AppServices, territoryId: string) {
  const all = await listCategories(services.database.db, territoryId, { activeOnly: false })
  return new Map(all.map((c) => [c.id, c]))
}

export async function rankedAsks(
  services: AppServices,
  territory: Territory,
  listings: readonly Listing[],
): Promise<RankedAsk[]> {
  const { db } = services.database
  const categories = await categoriesById(services, territory.id)
  const authors = await accountCards(
    db,
    listings.filter((l) => !l.relayed).map((l) => l.authorId),
  )
  const relayed = await relayedLanguages(services, territory, listings)
  return listings.map((listing) => ({
    listing,
    category: categories.get(listing.categoryId) ?? null,
    point: { latitude: listing.latitude, longitude: listing.longitude },
    halfDays: askHalfDays(listing),
    language: listing.relayed
      ? (relayed.get(listing.id) ?? 'fr')
      : (authors.get(listing.authorId)?.locale ?? 'fr'),
  }))
}

/**
 * The language of the people the phone line posted these asks for: a relayed ask's author is the
 * agent, so the person is found through the line's case, and their language where calls to
 * isolated people recorded one. Two queries, whatever the number of asks; none without a relayed one.
 */
async function relayedLanguages(
  services: AppServices,
  territory: Territory,
  listings: readonly Listing[],
): Promise<Map<string, string>> {
  const { db } = services.database
  const ids = listings.filter((l) => l.relayed).map((l) => l.id)
  if (ids.length === 0) return new Map()
  const people = await peopleOfAsks(db, territory.id, ids)
  const languages = await callLanguagesOf(db, territory.id, [...people.values()])
  const found = new Map<string, string>()
  for (const [listingId, personId] of people) {
    const language = languages.get(personId)
    if (language) found.set(listingId, language)
  }
  return found
}

/** Every person of the territory an ask may be proposed to, with their load and how they answer. */
export async function rankedVolunteers(
  services: AppServices,
  territory: Territory,
): Promise<RankedVolunteer[]> {
  const { db } = services.database
  const candidates = await proposalCandidates(db, territory.id)
  const ids = candidates.map((c) => c.id)
  const since = new Date(services.clock.now().getTime() - RESPONSIVENESS_DAYS * DAY_MS)
  const [communes, load, answers] = await Promise.all([
    communesOf(
      services,
      territory,
      candidates.map((c) => c.communeInsee),
    ),
    openMatchCounts(db, territory.id, ids),
    responsivenessOf(db, territory.id, ids, since),
  ])
  return candidates.map((candidate) => ({
    candidate,
    commune: communes.get(candidate.communeInsee) ?? null,
    openMatches: load.get(candidate.id) ?? 0,
    responsiveness: answers.get(candidate.id) ?? null,
  }))
}

/** Distance in km between an ask and a volunteer's commune; null when the commune is unknown. */
export function distanceKm(ask: RankedAsk, volunteer: RankedVolunteer): number | null {
  return volunteer.commune ? haversineKm(ask.point, volunteer.commune) : null
}

/** Within the volunteer's own radius and the platform's limit. */
export function withinReach(distance: number | null, volunteer: RankedVolunteer): distance is number {
  return distance !== null && distance <= Math.min(MAX_KM, volunteer.candidate.radiusKm)
}

/** The facts `scorePair` weighs for one pair. */
export function pairFacts(
  ask: RankedAsk,
  volunteer: RankedVolunteer,
  distance: number,
  verified: boolean,
): PairFacts {
  const v = volunteer.candidate
  return {
    distanceKm: distance,
    radiusKm: v.radiusKm,
    categoryMatch: ask.category !== null && v.interests.includes(ask.category.slug),
    availabilityShare: availabilityShare(ask.halfDays, v.availability),
    verified: Boolean(ask.category?.needsVerifiedVolunteer) && verified,
    openMatches: volunteer.openMatches,
    answerRate: volunteer.responsiveness?.answerRate ?? null,
    medianAnswerHours: volunteer.responsiveness?.medianAnswerHours ?? null,
    languageMatch: v.languages.includes(ask.language),
  }
}

/** Which of these people staff verified, as it holds now: one query however many they are. */
export function verifiedOf(services: AppServices, territory: Territory, ids: readonly string[]) {
  return verifiedAmong(services.database.db, territory.id, ids, services.clock.now())
}
