import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError } from '../../platform/http/problem.ts'

/**
 * A moderator of the request's territory, at a browser with the second factor: the pages and the
 * JSON API alike, since a token never carries staff powers (the access policy checked it first).
 */
export function moderator(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'moderation:review')) throw new HttpError(403, 'forbidden')
  return actor
}
