import { statfs } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

/**
 * Below this, starting is refused: a migration, a checkpoint or the first sign-up would fail
 * half-way, and PGlite itself, when it cannot create its files, says only that it "failed to
 * initialize properly". Creating a new embedded database needs several times more.
 */
export const MINIMUM_FREE_BYTES = 32 * 1024 * 1024
/** A failed start with less than this free is put down to the disk. */
export const SUSPICIOUS_FREE_BYTES = 128 * 1024 * 1024

export class DiskFullError extends Error {
  constructor(
    readonly path: string,
    readonly freeBytes: number | null,
  ) {
    super(
      `Disque plein : impossible d’écrire dans ${path} (espace libre : ${formatBytes(freeBytes)}). ` +
        'Libérez de la place ou agrandissez le disque, puis redémarrez.',
    )
  }
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'inconnu'
  const units = ['octets', 'Kio', 'Mio', 'Gio', 'Tio']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit === 0 ? value : value.toFixed(1).replace('.', ',')} ${units[unit]}`
}

/** Bytes an unprivileged process may still write where `path` is, or will be once created. */
export async function freeBytes(path: string): Promise<number | null> {
  let current = resolve(path)
  for (;;) {
    try {
      const stats = await statfs(current)
      return Number(stats.bavail) * Number(stats.bsize)
    } catch (error) {
      const parent = dirname(current)
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) return null
      current = parent
    }
  }
}

/** Throws DiskFullError when `path` has less than `minimum` bytes free. */
export async function ensureFreeSpace(path: string, minimum = MINIMUM_FREE_BYTES): Promise<void> {
  const free = await freeBytes(path)
  if (free !== null && free < minimum) throw new DiskFullError(resolve(path), free)
}

/** ENOSPC from the file system, or PostgreSQL's disk_full (53100), anywhere in the chain of causes. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (code === 'ENOSPC' || code === '53100') return true
  }
  return false
}
