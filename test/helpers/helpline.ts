import { asc, eq } from 'drizzle-orm'
import { helpPoints } from '../../src/domains/territories/help-point.schema.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import { territories } from '../../src/platform/tenancy/territory.schema.ts'
import { Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

export const HELPLINE = '/administration/ligne-telephonique'
export const POINTS = '/administration/points-d-aide'

/** A help point's form as a browser posts it. */
export const pointForm = {
  kind: 'ccas',
  name: 'CCAS de Bayeux',
  address: '19 rue Larcher',
  commune: 'Bayeux',
  hours: 'du lundi au vendredi, de 9 h à 12 h',
  phone: '02 61 91 00 10',
}

/**
 * The Calvados with its administrator (second factor given), a coordinator and a resident; the
 * Manche beside it with its own administrator. Neither has a line or help points yet.
 */
export async function helplineWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services, { contactEmail: 'entraide@calvados.test' })
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  const admin = await makeAccount(t, calvados, { displayName: 'Claire Admin', roles: ['administrator'] })
  const coordinator = await makeAccount(t, calvados, { displayName: 'Corinne Coord', roles: ['coordinator'] })
  const resident = await makeAccount(t, calvados, { displayName: 'Rémi Voisin' })
  const mancheAdmin = await makeAccount(t, manche, { displayName: 'Marc Manche', roles: ['administrator'] })
  const host = calvados.hostnames[0]!
  const staff = (account: { id: string; territoryId: string }, onHost = host) =>
    new Client(t, onHost).signInDirectly(account, { staff: true, secondFactor: true })
  const db = t.app.services.database.db
  return {
    calvados,
    manche,
    admin,
    coordinator,
    resident,
    mancheAdmin,
    host,
    visitor: () => new Client(t, host),
    staff,
    adminClient: () => staff(admin),
    /** the territory's row as stored: the line's number and hours */
    async line(territoryId = calvados.id) {
      const [row] = await db
        .select({ phone: territories.helplinePhone, hours: territories.helplineHours })
        .from(territories)
        .where(eq(territories.id, territoryId))
      return row!
    },
    async points(territoryId = calvados.id) {
      return db
        .select()
        .from(helpPoints)
        .where(eq(helpPoints.territoryId, territoryId))
        .orderBy(asc(helpPoints.position), asc(helpPoints.createdAt))
    },
    async audits(action: string) {
      return (
        await db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, action as never))
      ).length
    },
  }
}
export type HelplineWorld = Awaited<ReturnType<typeof helplineWorld>>
