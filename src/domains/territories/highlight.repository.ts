import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { homeHighlights } from './highlight.schema.ts'

export type HomeHighlight = { source: string; title: string; text: string; href: string; setAt: Date }

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
}

/** Clears the highlight if `source` set it (a campaign that closes takes down only its own). */
export async function clearHomeHighlight(db: DbOrTx, territoryId: string, source: string): Promise<boolean> {
  const rows = await db
    .delete(homeHighlights)
    .where(and(eq(homeHighlights.territoryId, territoryId), eq(homeHighlights.source, source)))
    .returning({ source: homeHighlights.source })
  return rows.length > 0
}
