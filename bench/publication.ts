/**
 * What deciding the publication costs (publish: values, equations and secrecy, metric by metric)
 * as a territory grows: months × communes × categories with something in a share of the cells,
 * many of them small. Prints figures; asserts nothing. `node --import tsx bench/publication.ts`
 */
import { readFileSync } from 'node:fs'
import { ALL, type MonthlyCell, publish } from '../src/domains/statistics/publication.ts'

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim()
let seed = 7
const random = () => {
  seed = (seed * 48271) % 2147483647
  return seed / 2147483647
}

function territory(months: number, communes: number, categories: number, share: number) {
  const monthList = Array.from({ length: months }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)
  const cells: MonthlyCell[] = []
  const sums = new Map<string, MonthlyCell>()
  const add = (month: string, commune: string, category: string, posted: number) => {
    const key = `${month}|${commune}|${category}`
    const cell = sums.get(key) ?? {
      month,
      commune,
      category,
      values: { posted: 0, answered: 0, fulfilled: 0, volunteers: 0 },
    }
    sums.set(key, cell)
    cell.values.posted += posted
    cell.values.answered += Math.floor(posted * 0.7)
    cell.values.fulfilled += Math.floor(posted * 0.5)
    cell.values.volunteers += Math.ceil(posted / 3)
  }
  for (const month of monthList)
    for (let c = 0; c < communes; c++)
      for (let k = 0; k < categories; k++) {
        if (random() > share) continue
        // Most communes are villages: a few asks a month.
        const posted = c < communes / 10 ? 5 + Math.floor(random() * 40) : 1 + Math.floor(random() * 6)
        const commune = String(14000 + c)
        const category = `k${k}`
        for (const [m, co, ca] of [
          [month, commune, category],
          [month, ALL, ALL],
          [ALL, commune, ALL],
          [ALL, ALL, category],
          [ALL, ALL, ALL],
        ] as const)
          add(m, co, ca, posted)
      }
  cells.push(...sums.values())
  return { monthList, cells }
}

console.log(`load average before: ${loadavg()}`)
for (const [months, communes, categories, share] of [
  [3, 20, 5, 0.3],
  [12, 100, 10, 0.2],
  [12, 300, 12, 0.1],
  [24, 500, 15, 0.08],
] as const) {
  const { monthList, cells } = territory(months, communes, categories, share)
  const fine = cells.filter((c) => c.month !== ALL && c.commune !== ALL && c.category !== ALL).length
  publish(monthList, cells)
  const runs = 3
  const started = performance.now()
  let hidden = 0
  for (let i = 0; i < runs; i++) hidden = publish(monthList, cells).hidden.get('posted')!.size
  const ms = (performance.now() - started) / runs
  console.log(
    `${months} months × ${communes} communes × ${categories} categories: ${fine} cells, ${hidden} posted values hidden, publish ${ms.toFixed(1)} ms`,
  )
}
console.log(`load average after: ${loadavg()}`)
