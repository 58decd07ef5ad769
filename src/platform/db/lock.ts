import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * PGlite is one PostgreSQL process inside ours, with no lock of its own on its data directory:
 * two processes on one directory both write, and after a restart one of them has lost its work.
 * So each process takes a lock file in the directory first, created atomically ('wx'), holding
 * its pid and host name. It stays its own module so that it works the same wherever PGlite itself ends up running.
 */
export const LOCK_FILE = 'entraide.lock'

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    /** set when the holder wrote another host name: its pid cannot be checked from here */
    readonly host?: string,
  ) {
    super(
      host
        ? `Le répertoire de données ${dir} est verrouillé par le processus ${pid} de la machine ou du conteneur « ${host} », ` +
            'dont on ne peut pas vérifier d’ici qu’il tourne encore. Arrêtez-le ; s’il n’existe plus, supprimez ' +
            `${join(dir, LOCK_FILE)} puis redémarrez.`
        : `Le répertoire de données ${dir} est déjà utilisé par un autre processus Entraide (pid ${pid}). ` +
            'Un seul processus à la fois peut ouvrir la base embarquée : arrêtez-le d’abord, ' +
            'ou utilisez un serveur PostgreSQL (DATABASE_URL) pour en faire tourner plusieurs.',
    )
  }
}

/** Lock files this process holds: a second open of the same directory here is refused as well. */
const held = new Set<string>()

export interface DirectoryLock {
  path: string
  release(): void
}

/** Whether `pid` names a running process; EPERM means it runs under another user. */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function pidOf(content: string | null): number {
  return Number.parseInt(content?.split('\n')[0] ?? '', 10)
}

/**
 * Two containers on one volume both run as pid 1 and see each other's pids as absent, so the
 * holder's host name is kept too: a lock from another host is never taken over automatically.
 */
function hostOf(content: string | null): string {
  return content?.split('\n')[1]?.trim() ?? ''
}

function create(path: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, `${process.pid}\n${hostname()}\n`)
  } catch (error) {
    // A full disk lets the file be made but not written: leave no empty lock behind.
    closeSync(fd)
    unlinkSync(path)
    throw error
  }
  closeSync(fd)
  return true
}

/**
 * Takes the lock of `dir` for this process, or throws DataDirectoryLockedError naming the holder.
 * A lock whose pid no longer runs (a process killed with -9) is taken over; so is one holding our
 * own pid that this process does not hold, which a container restarted under the same pid leaves behind.
 */
export function lockDataDirectory(directory: string): DirectoryLock {
  const dir = resolve(directory)
  mkdirSync(dir, { recursive: true })
  const path = join(dir, LOCK_FILE)
  if (held.has(path)) throw new DataDirectoryLockedError(dir, process.pid)
  let waits = 0
  let takeovers = 0
  while (!create(path)) {
    const content = readLock(path)
    const pid = pidOf(content)
    // A pid not written yet: the other process is between its create and its write.
    if (Number.isNaN(pid) && waits++ < 20) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25)
      continue
    }
    const host = hostOf(content)
    if (host !== '' && host !== hostname()) throw new DataDirectoryLockedError(dir, pid, host)
    if (pid !== process.pid && running(pid)) throw new DataDirectoryLockedError(dir, pid)
    if (takeovers++ >= 5) throw new DataDirectoryLockedError(dir, pid)
    // Moved aside rather than deleted: if another process took it over in between, the file
    // moved is its fresh lock, which then goes back in place and wins.
    const aside = `${path}.${process.pid}.stale`
    try {
      renameSync(path, aside)
    } catch {
      continue
    }
    const moved = readLock(aside)
    if (moved !== content) {
      try {
        linkSync(aside, path)
      } catch {}
      unlinkSync(aside)
      throw new DataDirectoryLockedError(dir, pidOf(moved))
    }
    unlinkSync(aside)
  }
  held.add(path)
  const release = () => {
    if (!held.delete(path)) return
    process.off('exit', release)
    // Only our own lock: never remove the one a process that took over a lock we lost holds.
    if (pidOf(readLock(path)) === process.pid) {
      try {
        unlinkSync(path)
      } catch {}
    }
  }
  // process.exit() after a fatal error skips the close; the lock must not outlive us then either.
  process.on('exit', release)
  return { path, release }
}
