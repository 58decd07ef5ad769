import type { Commune } from '../../platform/geo/commune.ts'
import { haversineKm } from '../../platform/geo/distance.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards, type ProposalCandidate, proposalCandidates } from '../accounts/index.ts'
import { type Category, listCategories } from '../categories/index.ts'
import type { Listing } from '../listings/index.ts'
import { openMatchCounts } from '../matches/index.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
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
  /** the language of the person who asks: their account's, French for a relayed ask */
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
    listings.map((l) => l.authorId),
  )
  return listings.map((listing) => ({
    listing,
    category: categories.get(listing.categoryId) ?? null,
    point: { latitude: listing.latitude, longitude: listing.longitude },
    halfDays: askHalfDays(listing),
    language: listing.relayed ? 'fr' : (authors.get(listing.authorId)?.locale ?? 'fr'),
  }))
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

/** Whether staff verified each of these people, asked once per person. */
export async function verifiedAmong(
  services: AppServices,
  territory: Territory,
  ids: readonly string[],
): Promise<Set<string>> {
  const now = services.clock.now()
  const found = new Set<string>()
  for (const id of new Set(ids))
    if (await isVerifiedVolunteer(services.database.db, territory.id, id, now)) found.add(id)
  return found
}
