import { eq } from 'drizzle-orm'
import { missionSignups, missionSlots, missions } from '../../src/domains/missions/mission.schema.ts'
import { MissionService } from '../../src/domains/missions/mission.service.ts'
import type { SlotRowInput } from '../../src/domains/missions/mission.ts'
import { seedOrganisation } from '../../src/domains/organisations/index.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeCategory } from './listings.ts'
import { volunteerVerifications } from './tables.ts'

export type Person = Awaited<ReturnType<typeof makeAccount>>

/** A verified organisation of the territory with its manager and a member, signed in as browsers. */
export async function makeOrganisation(
  t: TestApp,
  territory: Territory,
  options: { status?: 'pending' | 'verified' | 'suspended'; name?: string } = {},
) {
  const manager = await makeAccount(t, territory, { displayName: 'Marie Responsable' })
  const member = await makeAccount(t, territory, { displayName: 'Martin Membre' })
  const id = await seedOrganisation(t.db.db, {
    territoryId: territory.id,
    name: options.name ?? 'Les Restos du Cœur de Caen',
    communeInsee: '14118',
    managerId: manager.id,
    memberIds: [member.id],
    status: options.status ?? 'verified',
    now: t.clock.now(),
  })
  const host = territory.hostnames[0]!
  return {
    id,
    manager,
    member,
    managerClient: await new Client(t, host).signInDirectly(manager),
    memberClient: await new Client(t, host).signInDirectly(member),
  }
}

/** The one-off slot rows of the web form, numbered from 1. */
export function rowsForm(rows: SlotRowInput[]): Record<string, string> {
  return Object.fromEntries(
    rows.flatMap((r, i) => [
      [`date-${i + 1}`, r.date],
      [`start-${i + 1}`, r.start],
      [`end-${i + 1}`, r.end],
      [`places-${i + 1}`, r.places],
    ]),
  )
}

/** A published mission with these slots, posted through the use case as its manager would. */
export async function postMission(
  t: TestApp,
  territory: Territory,
  organisation: { id: string; manager: Person },
  rows: SlotRowInput[],
  overrides: {
    title?: string
    address?: string
    needsVerifiedVolunteer?: boolean
    withdrawHours?: string
    communeInsee?: string
    description?: string
  } = {},
) {
  const category = await makeCategory(t, territory)
  const actor = {
    accountId: organisation.manager.id,
    displayName: organisation.manager.displayName,
    email: organisation.manager.email,
    verified: true,
    status: 'active' as const,
    locale: 'fr' as const,
    easyRead: false,
    roles: [],
    secondFactor: false,
    hasTotp: false,
    via: { kind: 'session' as const, idHash: 'test' },
  }
  const result = await new MissionService(t.app.services).create(
    actor,
    territory,
    organisation.id,
    {
      title: overrides.title ?? 'Distribution de colis',
      description: overrides.description ?? 'Préparer et distribuer les colis du samedi.',
      categoryId: category.id,
      address: overrides.address ?? '',
      needsVerifiedVolunteer: overrides.needsVerifiedVolunteer ?? false,
      withdrawHours: overrides.withdrawHours ?? '24',
    },
    { kind: 'once', rows },
    { insee: overrides.communeInsee ?? '14118' },
  )
  if (result.kind !== 'saved') throw new Error(`mission not saved: ${JSON.stringify(result)}`)
  const slots = await slotsOfMission(t, result.mission.id)
  return { mission: result.mission, slots, category }
}

export function slotsOfMission(t: TestApp, missionId: string) {
  return t.db.db
    .select()
    .from(missionSlots)
    .where(eq(missionSlots.missionId, missionId))
    .orderBy(missionSlots.startsAt)
}

export function signupsOfMission(t: TestApp, missionId: string) {
  return t.db.db.select().from(missionSignups).where(eq(missionSignups.missionId, missionId))
}

export function missionRow(t: TestApp, id: string) {
  return t.db.db
    .select()
    .from(missions)
    .where(eq(missions.id, id))
    .then((rows) => rows[0])
}

/** Staff verified this person as a volunteer, for a year. */
export async function verifyVolunteer(t: TestApp, territory: Territory, accountId: string) {
  const now = t.clock.now()
  await t.db.db.insert(volunteerVerifications).values({
    id: t.app.services.ids(),
    territoryId: territory.id,
    accountId,
    verifiedBy: null,
    verifiedAt: now,
    expiresAt: new Date(now.getTime() + 365 * 86_400_000),
    note: null,
  })
}
