import type { Locator, Page } from 'playwright-core'

/** A table's body rows, each cell's visible text under its column heading, as a person reads across. */
export function tableRows(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((element) => {
    const t = element as HTMLTableElement
    const heads = Array.from(t.tHead?.rows[0]?.cells ?? []).map((c) => c.innerText.trim())
    return Array.from(t.tBodies)
      .flatMap((body) => Array.from(body.rows))
      .map((row) =>
        Object.fromEntries(Array.from(row.cells).map((c, i) => [heads[i] ?? String(i), c.innerText.trim()])),
      )
  })
}

/** The first table after a heading, for tables the heading names rather than a caption (maybe in a scrolling box). */
export const tableAfter = (page: Page, heading: string) =>
  page
    .getByRole('heading', { name: heading, exact: true })
    .locator('xpath=(following-sibling::table | following-sibling::*//table)[1]')

/** The number a cell starts with: « 1 200 masques » is 1200, « −5 » is −5, « +40 » is 40, empty is 0. */
export function count(text: string | undefined): number {
  const match = /^[+\-−]?[\d\s\u00a0\u202f]+/.exec((text ?? '').trim())
  if (!match) return 0
  return Number(match[0].replace(/[\s\u00a0\u202f+]/g, '').replace('−', '-'))
}
