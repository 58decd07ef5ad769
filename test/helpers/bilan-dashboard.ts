import { eq, sql } from 'drizzle-orm'
import type { StaffRole } from '../../src/domains/accounts/identity/account.schema.ts'
import { categories } from '../../src/domains/categories/category.schema.ts'
import { listCategories } from '../../src/domains/categories/index.ts'
import { Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'
import { rebuildVolunteerMonths } from './statistics.ts'

/** One fact the dashboard's tests count: `value` of `metric` on `day`, in a commune and a category. */
export interface SeededFigure {
  /** 'YYYY-MM-DD', a day in Europe/Paris */
  day: string
  metric: string
  value?: number
  /** INSEE code, or '?' (unknown) */
  commune: string
  /** category id, or '?' (none) */
  category: string
}

function monday(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/**
 * Writes figures straight into `stat_rollups` as the rollup job would: each fact adds to its week
 * and its month, for (commune, category), (commune, '*'), ('*', category) and ('*', '*'); then
 * marks the figures as drawn at `asOf`. The dashboard's tests count on these, by hand.
 */
export async function seedRollups(
  t: TestApp,
  territoryId: string,
  facts: SeededFigure[],
  asOf = new Date('2026-03-16T08:00:00Z'),
) {
  for (const f of facts) {
    const periods = [
      ['week', monday(f.day)],
      ['month', `${f.day.slice(0, 7)}-01`],
    ] as const
    const pairs = [
      [f.commune, f.category],
      [f.commune, '*'],
      ['*', f.category],
      ['*', '*'],
    ] as const
    for (const [grain, period] of periods)
      for (const [commune, category] of pairs)
        await t.db.db.execute(
          sql`insert into stat_rollups (territory_id, grain, period, commune, category, metric, value)
            values (${territoryId}, ${grain}, ${period}, ${commune}, ${category}, ${f.metric}, ${f.value ?? 1})
            on conflict (territory_id, grain, commune, category, metric, period)
            do update set value = stat_rollups.value + excluded.value`,
        )
  }
  await t.db.db.execute(
    sql`insert into stat_progress (name, last_event_id, updated_at) values ('rollup', 1, ${asOf.toISOString()})
      on conflict (name) do update set last_event_id = 1, updated_at = excluded.updated_at`,
  )
}

/** A volunteer (by a made-up key) active in `month` ('YYYY-MM') in a commune and a category. */
export async function seedActors(
  t: TestApp,
  territoryId: string,
  actors: { month: string; commune: string; category: string; key: string }[],
) {
  for (const a of actors)
    for (const [commune, category] of [
      [a.commune, a.category],
      [a.commune, '*'],
      ['*', a.category],
      ['*', '*'],
    ] as const)
      await t.db.db.execute(
        sql`insert into stat_actors (territory_id, month, commune, category, actor_key)
          values (${territoryId}, ${`${a.month}-01`}, ${commune}, ${category}, ${a.key})
          on conflict do nothing`,
      )
  await rebuildVolunteerMonths(t.db.db, territoryId)
}

/**
 * The dashboard's world: Calvados with a coordinator (second factor given, and one without it), a
 * moderator and a resident; La Manche with its own coordinator and figures; and a small set of
 * figures in Calvados, counted by hand in the tests. The childcare category is renamed as a formula.
 */
export async function bilanWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services)
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  const list = await listCategories(t.db.db, calvados.id, { activeOnly: false })
  const groceries = list.find((c) => c.slug === 'groceries-medicines')!
  const childcare = list.find((c) => c.slug === 'childcare')!
  await t.db.db
    .update(categories)
    .set({ name: { fr: '=HYPERLINK("http://evil.test";"x")', en: 'Childcare' } })
    .where(eq(categories.id, childcare.id))
  const account = (roles: StaffRole[] = []) => makeAccount(t, calvados, { roles })
  const coordinator = await account(['coordinator'])
  const administrator = await account(['administrator'])
  const moderator = await account(['moderator'])
  const resident = await account()
  const mancheCoordinator = await makeAccount(t, manche, { roles: ['coordinator'] })
  const host = calvados.hostnames[0]!
  const staff = (a: { id: string; territoryId: string }, secondFactor = true, on = host) =>
    new Client(t, on).signInDirectly(a, { staff: true, secondFactor })
  const g = groceries.id
  const c = childcare.id
  const caen = (day: string, metric: string, value = 1) => ({
    day,
    metric,
    value,
    commune: '14118',
    category: g,
  })
  await seedRollups(t, calvados.id, [
    caen('2026-02-03', 'ask.posted', 6),
    caen('2026-02-03', 'ask.answered', 4),
    caen('2026-02-03', 'ask.answered-24h', 3),
    caen('2026-02-03', 'ask.answered-72h', 4),
    caen('2026-02-03', 'ask.fulfilled', 2),
    caen('2026-02-03', 'ask.response-h.4', 2),
    caen('2026-02-03', 'ask.response-h.12', 2),
    caen('2026-02-03', 'ask.fulfil-h.72', 1),
    caen('2026-02-03', 'ask.fulfil-h.96', 1),
    caen('2026-01-12', 'offer.posted', 3),
    caen('2024-06-10', 'ask.posted', 5),
    { day: '2026-03-10', metric: 'ask.posted', value: 2, commune: '14047', category: c },
    { day: '2026-03-10', metric: 'ask.answered', value: 1, commune: '14047', category: c },
    { day: '2026-01-05', metric: 'account.created', value: 7, commune: '14118', category: '?' },
    { day: '2026-02-10', metric: 'call.made', value: 3, commune: '?', category: '?' },
    { day: '2026-02-10', metric: 'call.made.ok', value: 2, commune: '?', category: '?' },
    { day: '2026-02-10', metric: 'call.made.no-answer', value: 1, commune: '?', category: '?' },
    { day: '2026-02-11', metric: 'phone-case.opened', value: 2, commune: '14118', category: '?' },
    { day: '2026-02-20', metric: 'phone-case.closed', value: 1, commune: '14118', category: '?' },
    { day: '2026-02-20', metric: 'phone-case.closed.helped', value: 1, commune: '14118', category: '?' },
  ])
  const keys = (prefix: string, n: number, month: string, commune: string, category: string) =>
    Array.from({ length: n }, (_, i) => ({ month, commune, category, key: `${prefix}${i}` }))
  // Caen 6, Bayeux 1 (a small count), Hérouville-Saint-Clair 7: 14 in all.
  await seedActors(t, calvados.id, [
    ...keys('caen-', 6, '2026-02', '14118', g),
    ...keys('bayeux-', 1, '2026-03', '14047', c),
    ...keys('herouville-', 7, '2026-02', '14327', g),
  ])
  await seedRollups(t, manche.id, [
    { day: '2026-02-03', metric: 'ask.posted', value: 99, commune: '50502', category: '?' },
  ])
  return {
    calvados,
    manche,
    groceries,
    childcare,
    coordinator,
    administrator,
    moderator,
    resident,
    mancheCoordinator,
    host,
    staff,
    residentClient: () => new Client(t, host).signInDirectly(resident),
  }
}
export type BilanWorld = Awaited<ReturnType<typeof bilanWorld>>
