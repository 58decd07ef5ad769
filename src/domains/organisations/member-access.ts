import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid } from '../../platform/validation.ts'
import { organisationIn, roleIn } from './membership.repository.ts'

/** The organisation and the caller's role in it; 404 alike for a stranger and another territory. */
export async function membershipOf(db: DbOrTx, actor: Actor, territory: Territory, id: string) {
  if (!isUuid(id)) throw notFound()
  const organisation = await organisationIn(db, territory.id, id)
  const role = organisation ? await roleIn(db, organisation.id, actor.accountId) : null
  if (!organisation || !role) throw notFound()
  return { organisation, role }
}

/** The organisation, when the caller manages it; 404 otherwise, as for one that does not exist. */
export async function managedBy(db: DbOrTx, actor: Actor, territory: Territory, id: string) {
  const found = await membershipOf(db, actor, territory, id)
  if (found.role !== 'manager') throw notFound()
  return found.organisation
}
