import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

/** 256 random bits, URL-safe: session ids, email links, access tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database keeps of a token: enough to find it, useless to replay. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}

export function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const keys = new Map<string, Buffer>()

/**
 * The key for one purpose, derived once: every request checks a CSRF token and most pages sign
 * one, and the derivation was about 1.5 % of a request's CPU. Few secrets and purposes exist, so
 * the map stays small; it holds nothing the process does not already hold (the secret).
 */
function key(secret: string, purpose: string): Buffer {
  const name = `${purpose}\u0000${secret}`
  let derived = keys.get(name)
  if (!derived) {
    derived = Buffer.from(hkdfSync('sha256', secret, 'entraide', purpose, 32))
    if (keys.size > 64) keys.clear()
    keys.set(name, derived)
  }
  return derived
}

/**
 * AES-256-GCM with a key derived from APP_SECRET for each purpose, for secrets the app must read
 * back (TOTP seeds; mails waiting in the queue, whose links open accounts).
 */
export function encrypt(secret: string, plain: string, purpose = 'encryption'): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(secret, purpose), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')
}

export function decrypt(secret: string, sealed: string, purpose = 'encryption'): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'))
  if (!iv || !tag || !body) throw new Error('malformed sealed value')
  const decipher = createDecipheriv('aes-256-gcm', key(secret, purpose), iv)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
}

/**
 * HMAC-SHA-256 with a key for this purpose, for values bound to the server (CSRF tokens,
 * unsubscribe links). A bare SHA-256 of key and message would let anyone who saw one digest
 * compute the digest of a longer message (length extension).
 */
export function hmac(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', key(secret, purpose)).update(value).digest('base64url')
}
