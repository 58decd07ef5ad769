import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError } from '../../platform/http/problem.ts'
import { isUuid } from '../../platform/validation.ts'

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
