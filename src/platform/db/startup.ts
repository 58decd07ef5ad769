import { resolve } from 'node:path'
import type { Config } from '../../config.ts'
import { DiskFullError, freeBytes, isDiskFull } from './disk.ts'
import { DataDirectoryLockedError } from './lock.ts'

export interface StartFailure {
  /** sysexits: 78 EX_CONFIG (another process holds the directory), 73 EX_CANTCREAT (disk full) */
  status: number
  message: string
}

/**
 * What the operator reads, and the exit status, when the database cannot be opened or migrated
 * at start for a reason they must fix; null for anything else, which keeps its own report.
 */
export async function explainStartFailure(
  error: unknown,
  database: Config['database'],
): Promise<StartFailure | null> {
  if (error instanceof DataDirectoryLockedError) return { status: 78, message: error.message }
  if (error instanceof DiskFullError) return { status: 73, message: error.message }
  if (!isDiskFull(error)) return null
  if (database.kind === 'pglite') {
    const dir = resolve(database.dir)
    return { status: 73, message: new DiskFullError(dir, await freeBytes(dir)).message }
  }
  return {
    status: 73,
    message:
      'Disque plein sur le serveur PostgreSQL (erreur 53100 disk_full) : libérez de la place sur le disque de ses données, puis redémarrez.',
  }
}
