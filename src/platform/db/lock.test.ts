import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { DataDirectoryLockedError, LOCK_FILE, lockDataDirectory } from './lock.ts'

describe('the lock of the embedded data directory', () => {
  const dirs: string[] = []
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'entraide-lock-'))
    dirs.push(dir)
    return dir
  }
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('is held by one process at a time, and freed on release', () => {
    const dir = fresh()
    const lock = lockDataDirectory(dir)
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), `${process.pid}\n${hostname()}\n`)
    assert.throws(() => lockDataDirectory(dir), DataDirectoryLockedError)
    lock.release()
    assert.equal(existsSync(join(dir, LOCK_FILE)), false)
    lockDataDirectory(dir).release()
  })

  it('refuses a directory another running process holds, naming the directory and its pid', async () => {
    const dir = fresh()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      writeFileSync(join(dir, LOCK_FILE), `${other.pid}\n`)
      assert.throws(
        () => lockDataDirectory(dir),
        (error: Error) =>
          error instanceof DataDirectoryLockedError &&
          error.message.includes(dir) &&
          error.message.includes(`pid ${other.pid}`),
      )
      assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), `${other.pid}\n`, 'its lock is left alone')
    } finally {
      other.kill('SIGKILL')
      await once(other, 'exit')
    }
  })

  it('takes over the lock of a process that no longer runs', () => {
    const dir = fresh()
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' })
    writeFileSync(join(dir, LOCK_FILE), gone.stdout)
    const lock = lockDataDirectory(dir)
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), `${process.pid}\n${hostname()}\n`)
    lock.release()
  })

  it('never takes over a lock written on another host, whose pid cannot be checked from here', () => {
    const dir = fresh()
    writeFileSync(join(dir, LOCK_FILE), '1\nun-autre-conteneur\n')
    assert.throws(
      () => lockDataDirectory(dir),
      (error: Error) =>
        error instanceof DataDirectoryLockedError &&
        error.message.includes('« un-autre-conteneur »') &&
        error.message.includes(join(dir, LOCK_FILE)),
    )
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), '1\nun-autre-conteneur\n')
  })

  it('takes over an empty lock, which a crash between its creation and its pid leaves', () => {
    const dir = fresh()
    writeFileSync(join(dir, LOCK_FILE), '')
    const lock = lockDataDirectory(dir)
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), `${process.pid}\n${hostname()}\n`)
    lock.release()
  })
})
