import type { FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import type { Actor } from '../../platform/auth/actor.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Listing, ListingView } from './listing.ts'

/**
 * What the responses to listings add to the listing pages. Matches build on listings, so they
 * hand this in when the app is assembled; listings never import them.
 */
export interface ListingResponses {
  /** under a listing: responding, the author's responses and public thanks */
  part(req: FastifyRequest, listing: Listing, view: ListingView): Promise<ComponentChildren>
  /** for the author's own listings: how many responses each has and how many wait for a decision */
  counts(
    actor: Actor | null,
    territory: Territory,
    listings: Listing[],
  ): Promise<Map<string, { total: number; pending: number }>>
}
