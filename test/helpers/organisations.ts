import { eq } from 'drizzle-orm'
import { organisationMembers, organisations } from '../../src/domains/organisations/organisation.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

/** What the organisation form sends when everything is right; tests change one field at a time. */
export const organisationForm = (over: Record<string, string> = {}) => ({
  name: 'Les Restos du cœur de Bayeux',
  kind: 'association',
  registration: 'W141234567',
  commune: 'Bayeux',
  description: 'Repas chauds et colis.',
  contactKind: 'email',
  contactValue: 'contact@restos-bayeux.fr',
  ...over,
})

/**
 * Two territories (Calvados, and Manche next door) with browser-like clients for residents and
 * staff of either, and the organisation rows as stored, for the tests of organisations.
 */
export async function organisationWorld(t: TestApp, prefix: string) {
  const host = `${prefix}.entraide.test`
  const other = `${prefix}-manche.entraide.test`
  const calvados = await makeTerritory(t.app.services, { hostnames: [host] })
  const manche = await makeTerritory(t.app.services, { hostnames: [other], departements: ['50'] })
  const hostOf = (territory: Territory) => (territory === calvados ? host : other)
  return {
    host,
    calvados,
    manche,
    async signedIn(territory: Territory = calvados, over: Parameters<typeof makeAccount>[2] = {}) {
      const account = await makeAccount(t, territory, over)
      const client = await new Client(t, hostOf(territory)).signInDirectly(account)
      return { account, client }
    },
    async staff(territory: Territory = calvados, role: 'moderator' | 'administrator' = 'moderator') {
      const account = await makeAccount(t, territory, { roles: [role] })
      const client = await new Client(t, hostOf(territory)).signInDirectly(account, {
        secondFactor: true,
        staff: true,
      })
      return { account, client }
    },
    visitor: () => new Client(t, host),
    async row(id: string) {
      return (await t.db.db.select().from(organisations).where(eq(organisations.id, id)))[0]!
    },
    /** « accountId:role » of each member, sorted */
    async members(id: string) {
      const rows = await t.db.db
        .select()
        .from(organisationMembers)
        .where(eq(organisationMembers.organisationId, id))
      return rows.map((m) => `${m.accountId}:${m.role}`).sort()
    },
  }
}
