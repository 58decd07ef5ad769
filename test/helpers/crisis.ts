import { eq } from 'drizzle-orm'
import { listCategories } from '../../src/domains/categories/index.ts'
import {
  calloutOptOuts,
  calloutRecipients,
  crisisPeriods,
  volunteerCallouts,
} from '../../src/domains/crisis/crisis.schema.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import { territories } from '../../src/platform/tenancy/territory.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

/**
 * Two territories: Calvados with its phone line, an administrator, a coordinator and a moderator;
 * Manche with its own administrator. Every side crisis mode's rules speak of.
 */
export async function crisisWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services)
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  await t.db.db
    .update(territories)
    .set({ helplinePhone: '+33261910002', helplineHours: { fr: 'du lundi au vendredi, de 9 h à 17 h' } })
    .where(eq(territories.id, calvados.id))
  t.app.services.tenancy.forget()
  const admin = await makeAccount(t, calvados, {
    displayName: 'Adèle Administratrice',
    roles: ['administrator'],
  })
  const coordinator = await makeAccount(t, calvados, {
    displayName: 'Colin Coordinateur',
    roles: ['coordinator'],
  })
  const moderator = await makeAccount(t, calvados, { displayName: 'Maud Modératrice', roles: ['moderator'] })
  const mancheAdmin = await makeAccount(t, manche, { roles: ['administrator'] })
  const categories = await listCategories(t.db.db, calvados.id, { activeOnly: false })
  const bySlug = (slug: string) => categories.find((c) => c.slug === slug)!
  return {
    calvados,
    manche,
    admin,
    coordinator,
    moderator,
    mancheAdmin,
    bySlug,
    host: calvados.hostnames[0]!,
    /** a staff member signed in with the second factor, on the given territory's host */
    staff: (account: Account, territory: Territory = calvados) =>
      new Client(t, territory.hostnames[0]!).signInDirectly(account, { secondFactor: true, staff: true }),
    visitor: () => new Client(t, calvados.hostnames[0]!),
  }
}
export type CrisisWorld = Awaited<ReturnType<typeof crisisWorld>>

export const periodsOf = (t: TestApp, territoryId: string) =>
  t.db.db.select().from(crisisPeriods).where(eq(crisisPeriods.territoryId, territoryId))

export const calloutsOf = (t: TestApp, territoryId: string) =>
  t.db.db.select().from(volunteerCallouts).where(eq(volunteerCallouts.territoryId, territoryId))

export const recipientsOf = (t: TestApp, calloutId: string) =>
  t.db.db.select().from(calloutRecipients).where(eq(calloutRecipients.calloutId, calloutId))

export const optOutsOf = (t: TestApp, territoryId: string) =>
  t.db.db.select().from(calloutOptOuts).where(eq(calloutOptOuts.territoryId, territoryId))

export async function auditActions(t: TestApp, territoryId: string): Promise<string[]> {
  const rows = await t.db.db.select().from(auditLog).where(eq(auditLog.territoryId, territoryId))
  return rows.map((r) => r.action)
}
