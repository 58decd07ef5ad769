import assert from 'node:assert/strict'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { loadConfig } from '../../config.ts'
import { developmentPushKeys } from './development-keys.ts'

describe('development push keys', () => {
  it('are made once beside the embedded database, kept private, and valid for the configuration', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'entraide-vapid-'))
    try {
      const first = await developmentPushKeys(
        join(dir, 'pglite'),
        'Entraide <ne-pas-repondre@entraide.localhost>',
      )
      const again = await developmentPushKeys(
        join(dir, 'pglite'),
        'Entraide <ne-pas-repondre@entraide.localhost>',
      )
      assert.deepEqual(again, first, 'a restart keeps the subscriptions valid')
      assert.equal(first.subject, 'mailto:ne-pas-repondre@entraide.localhost')
      assert.equal((await stat(join(dir, 'vapid-development.json'))).mode & 0o777, 0o600)
      const config = loadConfig({
        VAPID_PUBLIC_KEY: first.publicKey,
        VAPID_PRIVATE_KEY: first.privateKey,
        VAPID_SUBJECT: first.subject,
      })
      assert.deepEqual(config.push, first)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
