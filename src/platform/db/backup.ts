import { randomBytes } from 'node:crypto'
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import type { Config } from '../../config.ts'
import { openDatabase, pgliteExtensions } from './client.ts'

const POSTGRES_ADVICE = `Avec PostgreSQL (DATABASE_URL), sauvegardez et restaurez avec les outils du serveur :
  pg_dump -Fc --no-owner -f entraide.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" entraide.dump
Les étapes complètes (extensions comprises) sont dans docs/OPERATIONS.md.`

const GZIP_MAGIC = [0x1f, 0x8b]

/** Thrown for a mistake of the operator: the message says what to do, the exit code is 1. */
export class BackupRefused extends Error {}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  return readdir(dir).then(
    (entries) => entries.length === 0,
    () => true,
  )
}

/**
 * Writes the embedded database of `dir` to `file` as a gzip tarball. The database is opened as
 * a server would open it, so a directory a running server holds is refused the same way; the
 * file appears under its name only once complete, so a backup cut short never looks whole.
 */
export async function backupPglite(dir: string, file: string, options: { force?: boolean } = {}) {
  if (!(await stat(join(dir, 'PG_VERSION')).catch(() => null))) {
    throw new BackupRefused(`Aucune base intégrée dans ${dir} (PGLITE_DIR) : rien à sauvegarder.`)
  }
  if (!options.force && (await stat(file).catch(() => null))) {
    throw new BackupRefused(
      `${file} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.`,
    )
  }
  const database = await openDatabase({ kind: 'pglite', dir })
  const partial = join(dirname(resolve(file)), `.${basename(file)}.${randomBytes(4).toString('hex')}.partiel`)
  try {
    const tarball = await database.embedded!.dumpDataDir()
    const handle = await open(partial, 'wx', 0o600)
    try {
      await handle.writeFile(tarball)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(partial, file)
    return { bytes: tarball.byteLength }
  } finally {
    await rm(partial, { force: true })
    await database.close()
  }
}

/**
 * Loads a backup into `dir`. It is unpacked into a new sibling directory first and moves into
 * place only once PGlite has opened it, so a damaged backup leaves the current data untouched.
 * A non-empty `dir` is replaced only with `force`, after opening it as a server would, so that
 * a directory a running server holds is refused rather than pulled from under it.
 */
export async function restorePglite(file: string, dir: string, options: { force?: boolean } = {}) {
  const bytes = await readFile(file).catch(() => {
    throw new BackupRefused(`Impossible de lire la sauvegarde ${file}.`)
  })
  const empty = await isEmptyOrMissing(dir)
  if (!empty && !options.force) {
    throw new BackupRefused(
      `${dir} (PGLITE_DIR) n'est pas vide : restaurez dans un dossier vide, ou ajoutez --force pour remplacer ses données (serveur arrêté).`,
    )
  }
  if (!empty) await (await openDatabase({ kind: 'pglite', dir })).close()
  const gzip = GZIP_MAGIC.every((b, i) => bytes[i] === b)
  const staging = join(
    dirname(resolve(dir)),
    `.${basename(dir)}.restauration-${randomBytes(4).toString('hex')}`,
  )
  try {
    const pglite = await PGlite.create({
      dataDir: staging,
      extensions: pgliteExtensions,
      loadDataDir: new Blob([bytes], { type: gzip ? 'application/x-gzip' : 'application/x-tar' }),
    })
    const applied = await pglite
      .query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')
      .finally(() => pglite.close())
    await rm(dir, { recursive: true, force: true })
    await rename(staging, dir)
    return { migrations: applied.rows[0]?.n ?? 0 }
  } catch (error) {
    if (error instanceof BackupRefused) throw error
    throw new BackupRefused(
      `Restauration impossible, ${dir} n'a pas changé : ${file} n'est pas une sauvegarde lisible d'Entraide (${(error as Error).message}).`,
    )
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** `entraide backup --out FILE` and `entraide restore --from FILE [--force]`; returns the exit code. */
export async function backupCommand(
  command: 'backup' | 'restore',
  args: string[],
  database: Config['database'],
  io: { out(text: string): void; err(text: string): void },
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' } },
  })
  if (database.kind === 'postgres') {
    io.err(POSTGRES_ADVICE)
    return 1
  }
  const file = command === 'backup' ? values.out : values.from
  if (!file) {
    io.err(
      command === 'backup'
        ? 'Usage : entraide backup --out entraide.tar.gz [--force]'
        : 'Usage : entraide restore --from entraide.tar.gz [--force]',
    )
    return 2
  }
  try {
    if (command === 'backup') {
      const { bytes } = await backupPglite(database.dir, file, { force: values.force })
      io.out(`Sauvegarde écrite : ${file} (${Math.ceil(bytes / 1024)} Kio).`)
    } else {
      const { migrations } = await restorePglite(file, database.dir, { force: values.force })
      io.out(`Base restaurée dans ${database.dir} (${migrations} migrations appliquées).`)
    }
    return 0
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error
    io.err(error.message)
    return 1
  }
}
