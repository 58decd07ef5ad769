import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import { actorKey, recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { listCategories } from '../categories/index.ts'

/**
 * Communes of the demonstration (Calvados) and how much happens there, roughly as their
 * populations go: the bilan's map and tables have something to show, with villages small enough
 * for the secrecy of small counts to be seen at work.
 */
const COMMUNES: [insee: string, weight: number][] = [
  ['14118', 30],
  ['14327', 8],
  ['14047', 7],
  ['14366', 8],
  ['14762', 6],
  ['14333', 4],
  ['14258', 4],
  ['14488', 3],
  ['14437', 3],
  ['14341', 3],
  ['14220', 2],
  ['14174', 2],
  ['14117', 2],
  ['14514', 1],
  ['14654', 2],
]
const HOUR = 3_600_000
const DAY = 24 * HOUR
const CALL_OUTCOMES = ['ok', 'ok', 'ok', 'no-answer', 'needs-help', 'concern']
const CASE_OUTCOMES = ['helped', 'helped', 'helped', 'no-longer-needed', 'redirected', 'no-volunteer']

/**
 * A year of what the demonstration's platform « did » before today, written as bilan events only
 * (no listing, person or message behind them), so the dashboard and the public bilan show a year
 * of figures on a fresh start. Deterministic: the same start writes the same history.
 */
export async function seedDemoHistory(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const now = services.clock.now().getTime()
  const categories = (await listCategories(services.database.db, territory.id, { activeOnly: true })).map(
    (c) => c.id,
  )
  const communes: [string, number][] = []
  for (const [insee, weight] of COMMUNES)
    if (await services.communes.find(territory, insee)) communes.push([insee, weight])
  if (categories.length === 0 || communes.length === 0) return []
  const random = seeded(2020)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
  const commune = weightedPicker(communes, random)
  const volunteers = [...Array(70).keys()].map((i) => ({
    key: actorKey(territory.id, `demo-history-${i}`),
    commune: commune(),
  }))
  const events: StatEventInput[] = []
  let n = 0
  const add = (e: Omit<StatEventInput, 'territoryId' | 'dedupeKey'>) => {
    if (e.occurredAt.getTime() < now)
      events.push({ ...e, territoryId: territory.id, dedupeKey: `demo-history:${n++}` })
  }
  for (let week = 52; week >= 1; week--) {
    const start = now - week * 7 * DAY
    // A busy spell in the winter, as in every bilan of the seed.
    const busy = week >= 40 && week <= 46 ? 2 : 1
    for (let i = 0; i < (8 + Math.floor(random() * 6)) * busy; i++) {
      const subjectId = services.ids()
      const postedAt = start + random() * 7 * DAY
      const place = { communeInsee: commune(), categoryId: pick(categories) }
      add({ kind: 'ask.posted', subjectId, occurredAt: new Date(postedAt), ...place })
      if (random() < 0.86) {
        const helper = random() < 0.7 ? volunteers.find((v) => v.commune === place.communeInsee) : undefined
        const key = (helper ?? pick(volunteers)).key
        const responseAt = postedAt + (1 + random() ** 2 * 90) * HOUR
        add({ kind: 'listing.responded', subjectId, occurredAt: new Date(responseAt), actorKey: key })
        if (random() < 0.75)
          add({
            kind: 'listing.fulfilled',
            subjectId,
            occurredAt: new Date(responseAt + (12 + random() * 96) * HOUR),
            actorKey: key,
          })
      }
    }
    for (let i = 0; i < 2 + Math.floor(random() * 3); i++) {
      const subjectId = services.ids()
      const postedAt = start + random() * 7 * DAY
      add({
        kind: 'offer.posted',
        subjectId,
        occurredAt: new Date(postedAt),
        communeInsee: commune(),
        categoryId: pick(categories),
      })
      if (random() < 0.6)
        add({
          kind: 'listing.responded',
          subjectId,
          occurredAt: new Date(postedAt + (2 + random() * 48) * HOUR),
          actorKey: pick(volunteers).key,
        })
    }
    for (let i = 0; i < 4 + Math.floor(random() * 5); i++)
      add({
        kind: 'account.created',
        occurredAt: new Date(start + random() * 7 * DAY),
        communeInsee: commune(),
      })
    for (let i = 0; i < 6 + Math.floor(random() * 6); i++) {
      const caller = pick(volunteers)
      add({
        kind: 'call.made',
        occurredAt: new Date(start + random() * 7 * DAY),
        actorKey: caller.key,
        communeInsee: caller.commune,
        outcome: pick(CALL_OUTCOMES),
      })
    }
    for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
      const subjectId = services.ids()
      const openedAt = start + random() * 7 * DAY
      const place = { communeInsee: commune() }
      add({ kind: 'phone-case.opened', subjectId, occurredAt: new Date(openedAt), ...place })
      add({
        kind: 'phone-case.closed',
        subjectId,
        occurredAt: new Date(openedAt + (1 + random() * 5) * DAY),
        outcome: pick(CASE_OUTCOMES),
        ...place,
      })
    }
    if (week % 4 === 0) {
      const missionId = services.ids()
      add({ kind: 'organisation.created', occurredAt: new Date(start), communeInsee: commune() })
      add({ kind: 'organisation.verified', occurredAt: new Date(start + 2 * DAY), communeInsee: commune() })
      add({
        kind: 'mission.posted',
        subjectId: missionId,
        occurredAt: new Date(start + DAY),
        communeInsee: commune(),
      })
      for (let i = 0; i < 3 + Math.floor(random() * 4); i++)
        add({
          kind: 'mission.slot-filled',
          subjectId: missionId,
          occurredAt: new Date(start + (2 + i) * DAY),
          actorKey: pick(volunteers).key,
        })
      const needId = services.ids()
      add({
        kind: 'need.posted',
        subjectId: needId,
        occurredAt: new Date(start + DAY),
        communeInsee: commune(),
      })
      if (random() < 0.7) add({ kind: 'need.met', subjectId: needId, occurredAt: new Date(start + 9 * DAY) })
      add({
        kind: 'campaign.made',
        occurredAt: new Date(start + 3 * DAY),
        quantity: 150 + Math.floor(random() * 150),
      })
      add({
        kind: 'campaign.distributed',
        occurredAt: new Date(start + 5 * DAY),
        quantity: 120 + Math.floor(random() * 140),
      })
    }
  }
  const db = services.database.db
  for (let i = 0; i < events.length; i += 500) await recordStat(db, events.slice(i, i + 500))
  return []
}

function weightedPicker(list: [string, number][], random: () => number): () => string {
  const total = list.reduce((a, [, w]) => a + w, 0)
  return () => {
    let r = random() * total
    for (const [value, weight] of list) {
      r -= weight
      if (r < 0) return value
    }
    return (list[list.length - 1] as [string, number])[0]
  }
}

/** A small deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
