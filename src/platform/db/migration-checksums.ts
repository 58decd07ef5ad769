import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from './client.ts'

/**
 * Files edited after some databases had applied them, with the checksums those databases
 * recorded. Each is accepted only because a later migration brings such databases to the
 * state the edited file gives; any other change to an applied file is refused.
 */
const SUPERSEDED: Record<string, string[]> = {
  // Its trigram index was GiST before the file was edited to GIN; 0011_listing_words_gin rebuilds it.
  '0008_listing_words': ['deffa43d84508631dc512df0c27352d244788e70652cebdf8bdea6bb7e401c30'],
}

export interface MigrationFile {
  tag: string
  /** drizzle-kit's timestamp, which the migrator stores beside each applied migration */
  when: number
  checksum: string
}

/** The migrations of `folder` in order, each with the SHA-256 of its SQL file. */
export async function readMigrationFiles(folder: string): Promise<MigrationFile[]> {
  const journal = JSON.parse(await readFile(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[]
  }
  return Promise.all(
    journal.entries.map(async ({ tag, when }) => ({
      tag,
      when,
      // Drizzle hashes the file's text the same way, so the two checksums compare directly.
      checksum: createHash('sha256')
        .update(await readFile(join(folder, `${tag}.sql`), 'utf8'))
        .digest('hex'),
    })),
  )
}

export class MigrationChangedError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Démarrage refusé : des migrations déjà appliquées à cette base ne correspondent plus à leur fichier.\n${problems
        .map((p) => `  - ${p}`)
        .join(
          '\n',
        )}\nUne migration appliquée ne se modifie pas : rétablissez le fichier d'origine et écrivez ` +
        'une nouvelle migration pour le changement (voir docs/OPERATIONS.md).',
    )
  }
}

/**
 * Drizzle's migrator records the SHA-256 of each file it applies (`drizzle.__drizzle_migrations`,
 * keyed by the file's timestamp) but never reads it back: it only looks at the newest
 * timestamp. So a file edited after it ran changes nothing in databases that ran it, silently.
 * This compares every recorded checksum with the file of today and throws, naming each migration,
 * before anything is applied. Resolves to true when every file is applied already: the start
 * then skips the migrator, which would read and hash every file again to find nothing to do.
 */
export async function verifyAppliedMigrations(db: DbOrTx, files: MigrationFile[]): Promise<boolean> {
  const table = await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`)
  if (!(table as unknown as { rows: { found: boolean }[] }).rows[0]?.found) return files.length === 0
  const result = await db.execute(sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id`)
  const applied = (result as unknown as { rows: { hash: string; created_at: string | number }[] }).rows
  const byWhen = new Map(files.map((f) => [f.when, f]))
  const problems: string[] = []
  for (const row of applied) {
    const file = byWhen.get(Number(row.created_at))
    if (!file) {
      problems.push(
        `une migration appliquée (horodatage ${row.created_at}) n'a plus de fichier : base migrée par une version plus récente ?`,
      )
    } else if (file.checksum !== row.hash && !SUPERSEDED[file.tag]?.includes(row.hash)) {
      problems.push(
        `${file.tag} : le fichier migrations/${file.tag}.sql a changé depuis qu'elle a été appliquée`,
      )
    }
  }
  if (problems.length > 0) throw new MigrationChangedError(problems)
  // Every applied row has its file (else a problem above) and timestamps are unique.
  return applied.length === files.length
}
