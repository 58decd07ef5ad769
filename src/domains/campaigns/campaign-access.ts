import { and, eq, ne } from 'drizzle-orm'
import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { TokenScope } from '../../platform/auth/scopes.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { notFound } from '../../platform/http/problem.ts'
import { isUuid } from '../../platform/validation.ts'
import { roleIn } from '../organisations/index.ts'
import { supplyCampaigns } from './campaign.schema.ts'

export type Campaign = typeof supplyCampaigns.$inferSelect

/** A campaign of the territory, whatever its status; null for a malformed id or another territory's. */
export async function campaignIn(db: DbOrTx, territoryId: string, id: string): Promise<Campaign | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .select()
    .from(supplyCampaigns)
    .where(and(eq(supplyCampaigns.territoryId, territoryId), eq(supplyCampaigns.id, id)))
  return row ?? null
}

/** What the public sees: a campaign once opened (open or closed), never one staff still prepare. */
export async function publicCampaign(db: DbOrTx, territoryId: string, id: string): Promise<Campaign | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .select()
    .from(supplyCampaigns)
    .where(
      and(
        eq(supplyCampaigns.territoryId, territoryId),
        eq(supplyCampaigns.id, id),
        ne(supplyCampaigns.status, 'draft'),
      ),
    )
  return row ?? null
}

export type RunningAs = 'staff' | 'organisation'

/**
 * The first check of every use case that runs a campaign: the territory's staff (campaign:manage,
 * which needs the session's second factor), or a manager of the organisation the campaign is
 * delegated to (through a token only with `scope`). Anyone else, like a campaign that does not
 * exist or is another territory's, gets the same 404: a campaign's back office is not disclosed.
 */
export async function runCampaign(
  db: DbOrTx,
  actor: Actor | null,
  territoryId: string,
  id: string,
  scope: TokenScope = 'campaigns:write',
): Promise<{ campaign: Campaign; me: Actor; as: RunningAs }> {
  const me = signedIn(actor, scope)
  const campaign = await campaignIn(db, territoryId, id)
  if (!campaign) throw notFound()
  if (can(me, 'campaign:manage')) return { campaign, me, as: 'staff' }
  if (campaign.organisationId && (await roleIn(db, campaign.organisationId, me.accountId)) === 'manager')
    return { campaign, me, as: 'organisation' }
  throw notFound()
}
