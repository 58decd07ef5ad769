import { and, eq } from 'drizzle-orm'
import type { AccountRow } from '../../src/domains/accounts/identity/account.repository.ts'
import type { Category } from '../../src/domains/categories/category.ts'
import type { Listing } from '../../src/domains/listings/listing.ts'
import { matches } from '../../src/domains/matches/match.schema.ts'
import { notifications } from '../../src/domains/notifications/notification.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from './accounts.ts'
import { buildTestApp, type TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'
import { makeCategory, makeListing } from './listings.ts'

/**
 * A territory with a category, and the few steps the web tests of matches repeat: a signed-in
 * person, a listing, a response through the form, and what was stored or notified.
 */
export async function matchesOnTheWeb() {
  const t: TestApp = await buildTestApp()
  const calvados: Territory = await makeTerritory(t.app.services, { officialName: 'Département du Calvados' })
  const category: Category = await makeCategory(t, calvados)
  const host = () => calvados.hostnames[0]!
  return {
    t,
    calvados,
    category,
    host,
    async person(overrides: Partial<AccountRow> = {}) {
      const account = await makeAccount(t, calvados, overrides)
      return { account, client: await new Client(t, host()).signInDirectly(account) }
    },
    listingOf: (author: { id: string }, overrides: Partial<Listing> = {}) =>
      makeListing(t, calvados, author, { categoryId: category.id, ...overrides }),
    matchesOf: (listingId: string) => t.db.db.select().from(matches).where(eq(matches.listingId, listingId)),
    notified: (accountId: string, type: string) =>
      t.db.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, accountId), eq(notifications.type, type))),
    respond: (client: Client, listingId: string, form: Record<string, string | string[]> = {}) =>
      client.post(`/annonces/${listingId}/repondre`, { message: 'Bonjour, je passe samedi.', ...form }),
  }
}
