import assert from 'node:assert/strict'
import { Client } from './accounts.ts'
import type { TestApp } from './app.ts'

/** A page of the search API, as much of it as tests read. */
export interface SearchPage {
  results: { id: string; title: string }[]
  nextCursor: string | null
}

/**
 * Every result of a search through the JSON API, page after page by its cursor, as an application
 * would read them: the ids in the order given, and how many pages it took (at most 20).
 */
export async function searchAllPages(
  t: TestApp,
  host: string,
  query: string,
  limit: number,
): Promise<{ ids: string[]; pages: number }> {
  const client = new Client(t, host)
  const ids: string[] = []
  let cursor: string | null = null
  for (let pages = 1; pages <= 20; pages++) {
    const url: string = `/api/v1/listings/search?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const res = await client.get(url)
    assert.equal(res.statusCode, 200, res.body)
    const page = res.json() as SearchPage
    ids.push(...page.results.map((r) => r.id))
    cursor = page.nextCursor
    if (!cursor) return { ids, pages }
  }
  throw new Error('more than 20 pages')
}
