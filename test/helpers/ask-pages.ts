import { findOwnDraft } from '../../src/domains/listings/ask-draft.repository.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import type { Client } from './accounts.ts'
import type { TestApp } from './app.ts'
import { page } from './html.ts'

/** The draft's id in an address such as /annonces/demande/<id>/description. */
export const draftIdOf = (location: string | undefined) =>
  /\/annonces\/demande\/([^/?]+)/.exec(location ?? '')?.[1] ?? ''

/** A draft as stored, read the way its owner's pages read it. */
export function storedDraft(t: TestApp, territory: Territory, id: string, accountId: string) {
  return findOwnDraft(t.db.db, { id, territoryId: territory.id, accountId })
}

/** The answers of every page after the first for a simple ask, in order: flexible, for oneself. */
export function simpleAnswers(): [string, Record<string, string>][] {
  return [
    ['description', { title: 'Courses du samedi', description: 'Porter les sacs depuis le marché.' }],
    ['commune', { commune: 'Bayeux (14400)' }],
    ['quand', { whenKind: 'flexible' }],
    ['urgence', { urgency: 'week' }],
    ['pour-qui', { forWhom: 'self' }],
  ]
}

/**
 * Answers the first page, then each page in turn, following every redirect as a browser does;
 * returns the draft's id. Each answer must be right: a 400 fails here, naming the page.
 */
export async function fillAsk(client: Client, categoryId: string, answers = simpleAnswers()) {
  const start = await client.post('/annonces/demande', { categoryId })
  if (start.statusCode !== 303)
    throw new Error(`aide: ${start.statusCode} ${page(start.body).errorSummary()}`)
  const id = draftIdOf(start.headers.location)
  for (const [slug, body] of answers) {
    const res = await client.post(`/annonces/demande/${id}/${slug}`, body)
    if (res.statusCode !== 303)
      throw new Error(`${slug}: ${res.statusCode} ${JSON.stringify(page(res.body).errorSummary())}`)
  }
  return id
}
