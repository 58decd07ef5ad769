import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { homeHighlights } from './highlight.schema.ts'

export type HomeHighlight = { source: string; title: string; text: string; href: string; setAt: Date }

const CACHE_MS = 30_000

/**
 * The home page is the most read page and its highlight changes a few times a crisis: it is read
 * once per territory and kept briefly. Setting or clearing it in this process empties the entry at
 * once; another process sees the change within CACHE_MS, as it does for categories. Keyed by
 * territory: one never gets another's.
 */
const cache = new Map<string, { highlight: HomeHighlight | null; until: number }>()

/** The highlight as the home page shows it, from the short-lived cache. */
export async function cachedHomeHighlight(
  db: DbOrTx,
  territoryId: string,
  now: Date,
): Promise<HomeHighlight | null> {
  const cached = cache.get(territoryId)
  if (cached && cached.until > now.getTime()) return cached.highlight
  const highlight = await homeHighlight(db, territoryId)
  if (cache.size > 1000) cache.clear()
  cache.set(territoryId, { highlight, until: now.getTime() + CACHE_MS })
  return highlight
}

export async function homeHighlight(db: DbOrTx, territoryId: string): Promise<HomeHighlight | null> {
  const [row] = await db
    .select({
      source: homeHighlights.source,
      title: homeHighlights.title,
      text: homeHighlights.text,
      href: homeHighlights.href,
      setAt: homeHighlights.setAt,
    })
    .from(homeHighlights)
    .where(eq(homeHighlights.territoryId, territoryId))
  return row ?? null
}

/**
 * Puts one subject forward on the home page, in place of any other: a territory in crisis points
 * to one thing at a time. The caller checks the staff member's right and audits it.
 */
export async function setHomeHighlight(
  db: DbOrTx,
  territoryId: string,
  highlight: { source: string; title: string; text: string; href: string; setBy: string | null; setAt: Date },
): Promise<void> {
  if (!highlight.href.startsWith('/') || highlight.href.startsWith('//'))
    throw new Error('a highlight links to a page of the territory’s own site')
  await db
    .insert(homeHighlights)
    .values({ territoryId, ...highlight })
    .onConflictDoUpdate({ target: homeHighlights.territoryId, set: { ...highlight } })
  cache.delete(territoryId)
}

/** Clears the highlight if `source` set it (a campaign that closes takes down only its own). */
export async function clearHomeHighlight(db: DbOrTx, territoryId: string, source: string): Promise<boolean> {
  const rows = await db
    .delete(homeHighlights)
    .where(and(eq(homeHighlights.territoryId, territoryId), eq(homeHighlights.source, source)))
    .returning({ source: homeHighlights.source })
  cache.delete(territoryId)
  return rows.length > 0
}
