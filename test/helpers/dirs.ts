import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** A copy of a data directory, its files copied side by side (fs.cp copies one at a time). */
export async function copyDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  const entries = await readdir(from, { withFileTypes: true })
  await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? copyDir(join(from, entry.name), join(to, entry.name))
        : copyFile(join(from, entry.name), join(to, entry.name)),
    ),
  )
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** Several test files start at once: one builds a template, the others wait for it. */
export async function withFileLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      await mkdir(lock)
      break
    } catch {
      if (i > 1200) throw new Error(`lock ${lock} held for too long; remove it if no test runs`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  try {
    return await fn()
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

/**
 * A data directory built once however many test processes ask for it at the same time: the first
 * builds it beside its final name, the others wait on the lock. Ready means PG_VERSION is there,
 * and the build is renamed into place, not copied: a copy in progress would show the others
 * PG_VERSION with half the files.
 */
export async function buildDataDirOnce(dir: string, build: (into: string) => Promise<void>): Promise<string> {
  if (await exists(join(dir, 'PG_VERSION'))) return dir
  await mkdir(dirname(dir), { recursive: true })
  await withFileLock(`${dir}.lock`, async () => {
    if (await exists(join(dir, 'PG_VERSION'))) return
    const building = `${dir}.building`
    await rm(building, { recursive: true, force: true })
    await build(building)
    await rename(building, dir)
  })
  return dir
}
