import { randomUUID } from 'node:crypto'
import type { DbOrTx } from '../../platform/db/client.ts'
import { findCommune } from '../../platform/geo/commune.repository.ts'
import {
  type AidStructureType,
  type OrganisationKind,
  type OrganisationStatus,
  organisationDelegations,
  organisationMembers,
  organisations,
} from './organisation.schema.ts'

export interface SeedOrganisation {
  territoryId: string
  name: string
  kind?: OrganisationKind
  aidType?: AidStructureType
  communeInsee: string
  description?: string
  status?: OrganisationStatus
  /** becomes its first manager */
  managerId: string
  /** further members, with the member role */
  memberIds?: string[]
  now?: Date
}

/**
 * Writes an organisation with its first manager, as creation leaves it but without the checks:
 * for the demonstration and for the tests of the domains that build on organisations.
 */
export async function seedOrganisation(db: DbOrTx, input: SeedOrganisation): Promise<string> {
  const commune = await findCommune(db, input.communeInsee)
  if (!commune) throw new Error(`Unknown commune ${input.communeInsee}`)
  const id = randomUUID()
  const now = input.now ?? new Date()
  const kind = input.kind ?? 'association'
  const status = input.status ?? 'verified'
  await db.insert(organisations).values({
    id,
    territoryId: input.territoryId,
    name: input.name,
    kind,
    aidType: kind === 'aid-structure' ? (input.aidType ?? 'other') : null,
    communeInsee: commune.insee,
    latitude: commune.latitude,
    longitude: commune.longitude,
    description: input.description ?? `${input.name} : présentation.`,
    contactKind: 'email',
    contactValue: 'contact@example.org',
    status,
    verifiedAt: status === 'verified' ? now : null,
    createdBy: input.managerId,
    createdAt: now,
    updatedAt: now,
  })
  await db.insert(organisationMembers).values([
    { organisationId: id, accountId: input.managerId, role: 'manager', joinedAt: now },
    ...(input.memberIds ?? []).map((accountId) => ({
      organisationId: id,
      accountId,
      role: 'member' as const,
      joinedAt: now,
    })),
  ])
  return id
}

/** Lets a partner verify a kind, as an administrator's delegation does, without the checks. */
export async function seedDelegation(
  db: DbOrTx,
  input: { territoryId: string; partnerId: string; kind: OrganisationKind; exclusive?: boolean; now?: Date },
): Promise<void> {
  await db.insert(organisationDelegations).values({
    territoryId: input.territoryId,
    partnerId: input.partnerId,
    kind: input.kind,
    exclusive: input.exclusive ?? false,
    grantedAt: input.now ?? new Date(),
  })
}
