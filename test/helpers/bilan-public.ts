import { sql } from 'drizzle-orm'
import { statActors, statRollups } from '../../src/domains/statistics/statistics.schema.ts'
import type { DbOrTx } from '../../src/platform/db/client.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeCategory, makeListing } from './listings.ts'
import { rebuildVolunteerMonths } from './statistics.ts'

/** What happened in one month, commune ('?' unknown) and category ('?' none), as the rollups count it. */
export interface MonthlySeed {
  /** 'YYYY-MM' */
  month: string
  commune: string
  category: string
  asks?: number
  offers?: number
  /** of those posted (asks counted as answered first, then offers) */
  answered?: number
  fulfilled?: number
  /** the volunteers' one-way keys */
  volunteers?: string[]
}

/**
 * Month rollups and active volunteers written straight to the tables, as the rollup job would
 * leave them for these months: each seed adds to its (commune, category), (commune, '*'),
 * ('*', category) and ('*', '*') rows, and each volunteer is kept once per month and combination.
 */
export async function seedMonthlyRollups(
  db: DbOrTx,
  territoryId: string,
  seeds: MonthlySeed[],
): Promise<void> {
  const rollups = new Map<string, typeof statRollups.$inferInsert>()
  const actors = new Map<string, typeof statActors.$inferInsert>()
  for (const s of seeds) {
    const period = `${s.month}-01`
    const asks = s.asks ?? 0
    const answered = s.answered ?? 0
    const fulfilled = s.fulfilled ?? 0
    const metrics: [string, number][] = [
      ['ask.posted', asks],
      ['offer.posted', s.offers ?? 0],
      ['ask.answered', Math.min(answered, asks)],
      ['offer.answered', answered - Math.min(answered, asks)],
      ['ask.fulfilled', Math.min(fulfilled, asks)],
      ['offer.fulfilled', fulfilled - Math.min(fulfilled, asks)],
    ]
    for (const [commune, category] of combinations(s.commune, s.category)) {
      for (const [metric, value] of metrics) {
        if (value === 0) continue
        const key = [period, commune, category, metric].join('|')
        const row = rollups.get(key) ?? {
          territoryId,
          grain: 'month',
          period,
          commune,
          category,
          metric,
          value: 0,
        }
        row.value += value
        rollups.set(key, row)
      }
      for (const actorKey of s.volunteers ?? [])
        actors.set([period, commune, category, actorKey].join('|'), {
          territoryId,
          month: period,
          commune,
          category,
          actorKey,
        })
    }
  }
  // Added to what earlier seeds left, as the job adds each fold to the rows already there.
  if (rollups.size > 0)
    await db
      .insert(statRollups)
      .values([...rollups.values()])
      .onConflictDoUpdate({
        target: [
          statRollups.territoryId,
          statRollups.grain,
          statRollups.commune,
          statRollups.category,
          statRollups.metric,
          statRollups.period,
        ],
        set: { value: sql`${statRollups.value} + excluded.value` },
      })
  if (actors.size > 0)
    await db
      .insert(statActors)
      .values([...actors.values()])
      .onConflictDoNothing()
  await rebuildVolunteerMonths(db, territoryId)
}

function combinations(commune: string, category: string): [string, string][] {
  return [
    [commune, category],
    [commune, '*'],
    ['*', category],
    ['*', '*'],
  ]
}

/** Titles of real listings the bilan must never show. */
export const BILAN_TITLES = [
  'Courses pour Mme Quintaverde',
  'Visite à M. Zébulonnet',
  'Étagère chez Mme Brocéliane',
]
const v = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `v${from + i}`)
const [CAEN, BAYEUX, FALAISE, LISIEUX, HONFLEUR] = ['14118', '14047', '14258', '14366', '14333']

/**
 * September to November 2026 (and December in progress) in Calvados, built to tempt differencing:
 * a month with one small cell (Bayeux, September), a commune with a single volunteer (Falaise),
 * a category with one ask in one month (bricolage), an unknown commune; and three real listings
 * whose titles, author and address must never appear.
 */
export async function seedTemptingBilan(t: TestApp, territory: Territory) {
  const courses = await makeCategory(t, territory, {
    slug: 'courses',
    name: { fr: 'Courses', en: 'Shopping' },
  })
  const visites = await makeCategory(t, territory, {
    slug: 'visites',
    name: { fr: 'Visites', en: 'Visits' },
  })
  const bricolage = await makeCategory(t, territory, {
    slug: 'bricolage',
    name: { fr: 'Bricolage', en: 'DIY' },
  })
  const author = await makeAccount(t, territory, { displayName: 'Ondine Quintaverde' })
  for (const [title, category] of [
    [BILAN_TITLES[0]!, courses],
    [BILAN_TITLES[1]!, visites],
    [BILAN_TITLES[2]!, bricolage],
  ] as const)
    await makeListing(t, territory, author, {
      title,
      categoryId: category.id,
      description: 'Au 12 rue des Lilas',
    })
  // Built to tempt differencing: a month with one small cell, a commune with a single
  // volunteer, a category with one ask in one month, an unknown commune, and the month in progress.
  await seedMonthlyRollups(t.db.db, territory.id, [
    {
      month: '2026-09',
      commune: CAEN,
      category: courses.id,
      asks: 14,
      offers: 4,
      answered: 12,
      fulfilled: 9,
      volunteers: v(1, 8),
    },
    { month: '2026-09', commune: BAYEUX, category: visites.id, asks: 2, volunteers: ['v9'] },
    {
      month: '2026-10',
      commune: CAEN,
      category: courses.id,
      asks: 20,
      answered: 15,
      fulfilled: 11,
      volunteers: v(1, 10),
    },
    {
      month: '2026-10',
      commune: FALAISE,
      category: courses.id,
      asks: 6,
      answered: 6,
      fulfilled: 5,
      volunteers: ['v20'],
    },
    {
      month: '2026-10',
      commune: BAYEUX,
      category: visites.id,
      asks: 7,
      offers: 2,
      answered: 6,
      fulfilled: 5,
      volunteers: v(9, 14),
    },
    { month: '2026-10', commune: '?', category: courses.id, asks: 5 },
    { month: '2026-11', commune: CAEN, category: bricolage.id, asks: 1 },
    {
      month: '2026-11',
      commune: CAEN,
      category: courses.id,
      asks: 25,
      answered: 20,
      fulfilled: 16,
      volunteers: v(1, 12),
    },
    {
      month: '2026-11',
      commune: LISIEUX,
      category: visites.id,
      asks: 9,
      answered: 8,
      fulfilled: 6,
      volunteers: v(15, 19),
    },
    {
      month: '2026-12',
      commune: HONFLEUR,
      category: courses.id,
      asks: 30,
      answered: 3,
      volunteers: ['v30'],
    },
  ])
  return { courses, visites, bricolage }
}
