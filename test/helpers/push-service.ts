import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { accounts } from '../../src/domains/accounts/identity/account.schema.ts'
import { pushSubscriptions } from '../../src/domains/accounts/push/push-subscription.schema.ts'
import type { TestApp } from './app.ts'

/** A browser's side of a subscription: a real P-256 key pair and authentication secret. */
export interface FakeBrowser {
  endpoint: string
  keys: { p256dh: string; auth: string }
  /** reads a pushed body as the browser would (RFC 8291, aes128gcm) */
  decrypt(body: Buffer): string
}

export interface ReceivedPush {
  path: string
  headers: IncomingHttpHeaders
  body: Buffer
}

/**
 * A push service on the loopback address, as Firefox's or Google's would be: it records each POST
 * and answers the status a test sets for that endpoint (201 by default, 410 for one that is gone).
 */
export class PushService {
  readonly received: ReceivedPush[] = []
  readonly statusFor = new Map<string, number>()
  #server: Server | null = null
  #base = ''

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const path = req.url ?? '/'
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks) })
        res.statusCode = this.statusFor.get(path) ?? 201
        res.end()
      })
    })
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve))
    this.#base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()))
  }

  /** A new browser whose endpoint is on this service. */
  browser(name = randomBytes(8).toString('hex')): FakeBrowser {
    const ecdh = createECDH('prime256v1')
    ecdh.generateKeys()
    const auth = randomBytes(16)
    const endpoint = `${this.#base}/push/${name}`
    return {
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      decrypt: (body) => decryptAes128gcm(body, ecdh, auth),
    }
  }

  /** The pushes one browser received, in order. */
  to(browser: FakeBrowser): ReceivedPush[] {
    const path = new URL(browser.endpoint).pathname
    return this.received.filter((r) => r.path === path)
  }
}

/**
 * RFC 8291 (Message Encryption for Web Push) over RFC 8188's aes128gcm, written from the RFCs with
 * node:crypto only, so that the test checks web-push's output rather than trusting it.
 */
function decryptAes128gcm(body: Buffer, ua: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16)
  const idLength = body[20]!
  const asPublic = body.subarray(21, 21 + idLength)
  const ciphertext = body.subarray(21 + idLength)
  const ecdhSecret = ua.computeSecret(asPublic)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic])
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32))
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ])
  // the last record ends with the delimiter 2, then zero padding
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end -= 1
  if (padded[end] !== 2) throw new Error('not a last record')
  return padded.subarray(0, end).toString('utf8')
}

/** The devices stored for an account, as rows. */
export function pushRows(t: TestApp, accountId: string) {
  return t.db.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.accountId, accountId))
}

/** Deletes an account as a purge would, to see what goes with it. */
export async function deleteAccountRow(t: TestApp, accountId: string) {
  await t.db.db.delete(accounts).where(eq(accounts.id, accountId))
}
