import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError } from '../../platform/http/problem.ts'
import { isUuid } from '../../platform/validation.ts'
import { findCase } from './case.repository.ts'

/**
 * The first line of every use case of the line: an agent, coordinator or administrator of this
 * territory with the second factor (the route's policy said so already; this says it again).
 */
export function agent(actor: Actor | null): Actor {
  if (!can(actor, 'phone:intake')) throw new HttpError(403, 'forbidden')
  return actor!
}

/** An id from an address: anything but a UUID names nothing. */
export function idOrNotFound(id: string): string {
  if (!isUuid(id)) throw new HttpError(404)
  return id
}

/** A case of this territory with its person, or 404: a withdrawn consent hides the case too. */
export async function caseOrNotFound(db: DbOrTx, territoryId: string, id: string) {
  const row = await findCase(db, territoryId, idOrNotFound(id))
  if (!row) throw new HttpError(404)
  return row
}
