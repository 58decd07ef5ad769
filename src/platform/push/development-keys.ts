import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import webpush from 'web-push'
import type { PushKeys } from '../../config.ts'

const FILE = 'vapid-development.json'

/**
 * Development only: a VAPID key pair made on the first `npm start` and kept beside the embedded
 * database's folder (./data/vapid-development.json by default), so that push works out of the box
 * and a browser's subscription stays valid across restarts (new keys would void every one).
 */
export async function developmentPushKeys(embeddedDatabaseDir: string, mailFrom: string): Promise<PushKeys> {
  const file = join(dirname(embeddedDatabaseDir), FILE)
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom
  const subject = `mailto:${address.trim()}`
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as Partial<PushKeys>
    if (typeof kept.publicKey === 'string' && typeof kept.privateKey === 'string')
      return { publicKey: kept.publicKey, privateKey: kept.privateKey, subject }
  } catch {
    // none yet, or unreadable: a new pair replaces it
  }
  const { publicKey, privateKey } = webpush.generateVAPIDKeys()
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify({ publicKey, privateKey }, null, 2)}\n`, { mode: 0o600 })
  return { publicKey, privateKey, subject }
}
