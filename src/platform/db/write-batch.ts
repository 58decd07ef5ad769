import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { DbOrTx } from './client.ts'

/** What a write of the batch returned, as JSON: numbers and text, a date as its ISO text. */
export type ReturnedRows = Record<string, unknown>[]

interface Write {
  query: SQLWrapper
  read?: (rows: ReturnedRows) => void
}

/**
 * Writes that need nothing from one another, sent as one statement of data-modifying WITH
 * clauses: a use case's side writes (the bilan's event, a rate limit's hit, a notification and
 * its email) cost one round trip to the database instead of one each. PostgreSQL runs every
 * clause once and fully, and each sees the rows as they were before the statement: no write of
 * a batch may need what another writes, nor two change the same row. Run it in the transaction
 * of the change the writes belong to.
 */
export class WriteBatch {
  readonly #writes: Write[] = []

  /**
   * `query` (an INSERT, an UPDATE…, not awaited) is written when the batch runs; `read`, if
   * given, then gets the rows of its RETURNING clause, and may throw to refuse the whole write
   * (a rate limit passed), which the caller's transaction takes back.
   */
  add(query: SQLWrapper, read?: (rows: ReturnedRows) => void): void {
    this.#writes.push(read ? { query, read } : { query })
  }

  get size(): number {
    return this.#writes.length
  }

  async run(tx: DbOrTx): Promise<void> {
    const writes = this.#writes.splice(0)
    if (writes.length === 0) return
    const name = (i: number) => sql.raw(`w${i}`)
    const clauses = sql.join(
      writes.map((w, i) => sql`${name(i)} as (${w.query.getSQL()})`),
      sql`, `,
    )
    const returned: SQL[] = []
    writes.forEach((w, i) => {
      if (w.read)
        returned.push(sql`(select coalesce(json_agg(${name(i)}), '[]'::json) from ${name(i)}) as ${name(i)}`)
    })
    const result = await tx.execute(
      sql`with ${clauses} select ${returned.length > 0 ? sql.join(returned, sql`, `) : sql`1`}`,
    )
    const [row] = (result as unknown as { rows: Record<string, ReturnedRows>[] }).rows
    writes.forEach((w, i) => {
      w.read?.(row?.[`w${i}`] ?? [])
    })
  }
}
