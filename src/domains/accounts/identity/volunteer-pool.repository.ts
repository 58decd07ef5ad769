import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { accounts } from './account.schema.ts'

/** What coordinators' suggestions know of a person who may receive a proposal; never a contact detail. */
export interface ProposalCandidate {
  id: string
  displayName: string
  communeInsee: string
  interests: string[]
  radiusKm: number
  availability: string[]
  languages: string[]
}

/**
 * The people of a territory an ask may be proposed to: active (a suspended or banned account is
 * not), address confirmed, and who did not opt out of proposals. `ids` narrows it to some of them
 * (the job that tells a volunteer checks the opt-out again at sending time).
 */
export function proposalCandidates(
  db: DbOrTx,
  territoryId: string,
  ids?: readonly string[],
): Promise<ProposalCandidate[]> {
  return db
    .select({
      id: accounts.id,
      displayName: accounts.displayName,
      communeInsee: accounts.communeInsee,
      interests: accounts.interests,
      radiusKm: accounts.radiusKm,
      availability: accounts.availability,
      languages: accounts.languages,
    })
    .from(accounts)
    .where(
      and(
        eq(accounts.territoryId, territoryId),
        eq(accounts.status, 'active'),
        isNotNull(accounts.emailVerifiedAt),
        eq(accounts.acceptsProposals, true),
        ids
          ? inArray(accounts.id, ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
      ),
    )
}
