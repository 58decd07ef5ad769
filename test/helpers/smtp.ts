import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  /** RCPT TO addresses */
  to: string[]
  /** MAIL FROM address */
  envelopeFrom: string
  headers: Map<string, string>
  subject: string
  messageId: string
  text: string
  html: string
  raw: string
}

export interface SmtpReceiver {
  /** smtp://127.0.0.1:port, to give as SMTP_URL */
  url: string
  messages: ReceivedMail[]
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>
  /** refuses the next `n` recipients with a temporary error quoting the address, as real servers do */
  failNext(n: number): void
  /** while down, every connection is turned away with 421, as by a server in maintenance */
  setDown(down: boolean): void
  close(): Promise<void>
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code })
}

/** A real SMTP server on a free local port that keeps what it receives, for tests. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = []
  const listeners = new Set<() => void>()
  let down = false
  let failures = 0

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      callback(down ? smtpError(421, 'Service not available, try again later') : null)
    },
    onRcptTo(address, _session, callback) {
      if (failures > 0) {
        failures -= 1
        return callback(smtpError(450, `Mailbox <${address.address}> temporarily unavailable`))
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        messages.push({
          ...parseMail(raw),
          raw,
          envelopeFrom,
          to: session.envelope.rcptTo.map((r) => r.address),
        })
        for (const listener of listeners) listener()
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate)
          if (!found) return
          clearTimeout(timer)
          listeners.delete(check)
          resolve(found)
        }
        const timer = setTimeout(() => {
          listeners.delete(check)
          reject(new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`))
        }, timeoutMs)
        listeners.add(check)
        check()
      })
    },
    failNext(n) {
      failures = n
    },
    setDown(value) {
      down = value
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Just enough MIME for our own mails: folded headers, encoded words, one level of multipart. */
export function parseMail(raw: string): Omit<ReceivedMail, 'raw' | 'to' | 'envelopeFrom'> {
  const { headers, body } = splitEntity(raw)
  const parts = leafParts(headers, body)
  const part = (type: string) => parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type))
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: part('text/plain')?.content ?? '',
    html: part('text/html')?.content ?? '',
  }
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, '\n')
  const end = normalised.indexOf('\n\n')
  const head = end === -1 ? normalised : normalised.slice(0, end)
  const body = end === -1 ? '' : normalised.slice(end + 2)
  const headers = new Map<string, string>()
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function leafParts(
  headers: Map<string, string>,
  body: string,
): { headers: Map<string, string>; content: string }[] {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (!type.startsWith('multipart/') || !boundary) {
    return [{ headers, content: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit') }]
  }
  const sections = body.split(`--${boundary}`).slice(1)
  return sections
    .filter((s) => !s.startsWith('--'))
    .flatMap((section) => {
      const entity = splitEntity(section.replace(/^\n/, ''))
      return leafParts(entity.headers, entity.body.replace(/\n$/, ''))
    })
}

function decodeBody(body: string, encoding: string): string {
  const kind = encoding.toLowerCase()
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\n/g, ''))
  return body
}

function decodeQuotedPrintable(text: string): string {
  return Buffer.from(quotedPrintableBytes(text)).toString('utf8')
}

function quotedPrintableBytes(text: string): number[] {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3)
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'))
  }
  return bytes
}

/**
 * RFC 2047: `=?UTF-8?Q?Courriel_de_test?=`. The space between two encoded words is not text,
 * and a character may be split across two words, so bytes are joined before decoding.
 */
function decodeWords(value: string): string {
  const bytes: number[] = []
  const pattern = /=\?[^?]+\?([QqBb])\?([^?]*)\?=/g
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2')
  let last = 0
  for (const match of joined.matchAll(pattern)) {
    bytes.push(...Buffer.from(joined.slice(last, match.index), 'utf8'))
    const [, kind, data = ''] = match
    if (kind!.toUpperCase() === 'B') bytes.push(...Buffer.from(data, 'base64'))
    else bytes.push(...quotedPrintableBytes(data.replace(/_/g, ' ')))
    last = match.index + match[0].length
  }
  bytes.push(...Buffer.from(joined.slice(last), 'utf8'))
  return Buffer.from(bytes).toString('utf8')
}
