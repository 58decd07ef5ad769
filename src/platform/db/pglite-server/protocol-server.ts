import { createServer, type Server, type Socket } from 'node:net'
import type { PGlite } from '@electric-sql/pglite'
import { CANCEL_REQUEST_CODE, SSL_REQUEST_CODE } from '@electric-sql/pglite-socket'

/**
 * Serves one PGlite to several node-postgres connections over the PostgreSQL wire protocol.
 *
 * PGlite is a single PostgreSQL backend: whatever several connections send ends up in one
 * session. pglite-socket's own server queues their messages one by one, so the Parse of one
 * connection can land between the Bind and the Execute of another (both use the unnamed
 * statement), and it keeps a transaction to itself only through `isInTransaction()` after each
 * message. Here a connection takes the backend for itself from its first message until the
 * backend says it is idle again (ReadyForQuery 'I' after its Sync or Query): a whole
 * extended-protocol batch, and a whole transaction, run as one unit. A connection that goes
 * away while it holds the backend has its transaction rolled back before anyone else runs.
 */

const GSSENC_REQUEST_CODE = 80877104
const READY_FOR_QUERY = 0x5a // 'Z'
const IDLE = 0x49 // 'I'
const SYNC = 0x53 // 'S'
const QUERY = 0x51 // 'Q'
const TERMINATE = 0x58 // 'X'
const PARSE = 0x50 // 'P'
const CLOSE = 0x43 // 'C'

function queryMessage(text: string): Buffer {
  const body = Buffer.from(`${text}\0`)
  const header = Buffer.alloc(5)
  header[0] = QUERY
  header.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([header, body])
}

/**
 * What a connection that waited too long gets instead of its answer: SQLSTATE 57P03
 * (cannot_connect_now), which the application answers with a 503 and Retry-After, then
 * ReadyForQuery once for each Sync or Query it sent.
 */
function busyReply(batch: Buffer, waitedMs: number): Buffer {
  const fields = [
    'SERROR',
    'VERROR',
    'C57P03',
    `Mla base embarquée est occupée par une autre transaction depuis ${Math.round(waitedMs / 1000)} s`,
  ]
  const body = Buffer.from(`${fields.join('\0')}\0\0`)
  const error = Buffer.alloc(5)
  error[0] = 0x45 // 'E'
  error.writeInt32BE(body.length + 4, 1)
  let ends = 0
  for (let at = 0; at + 5 <= batch.length; at += 1 + batch.readInt32BE(at + 1)) {
    if (batch[at] === SYNC || batch[at] === QUERY) ends++
  }
  const ready = Buffer.from([READY_FOR_QUERY, 0, 0, 0, 5, IDLE])
  return Buffer.concat([error, body, ...Array(Math.max(ends, 1)).fill(ready)])
}

/** Sync ends an extended-protocol batch left half-sent (or failed); then no transaction may remain. */
const ABANDON = Buffer.concat([Buffer.from([SYNC, 0, 0, 0, 4]), queryMessage('ROLLBACK')])

/** Close of each named statement, then Sync: closing a statement that does not exist is no error. */
function closeStatements(names: Iterable<string>): Buffer {
  const messages: Buffer[] = []
  for (const name of names) {
    const body = Buffer.from(`S${name}\0`)
    const header = Buffer.alloc(5)
    header[0] = CLOSE
    header.writeInt32BE(body.length + 4, 1)
    messages.push(header, body)
  }
  return Buffer.concat([...messages, Buffer.from([SYNC, 0, 0, 0, 4])])
}

/** « DEALLOCATE name », as node-postgres' clients send it when they give a statement up. */
const DEALLOCATE = /^DEALLOCATE ([A-Za-z0-9_]+)\0$/

type Holder = object

/**
 * How long a connection waits for another's transaction before its statement is refused. On
 * PostgreSQL the two would run side by side; here the second waits, and a transaction that
 * waits for a query made outside it would wait for ever: better a refusal, which says so.
 */
const WAIT_LIMIT_MS = 30_000

/** Who has the backend: one connection (or a maintenance task) at a time, the others wait in turn. */
class Gate {
  private owner: Holder | null = null
  private readonly waiting: { holder: Holder; enter: () => void }[] = []

  /** Resolves true once `holder` has the backend, or false after `limitMs` of waiting. */
  acquire(holder: Holder, limitMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    if (this.owner === null || this.owner === holder) {
      this.owner = holder
      return Promise.resolve(true)
    }
    return new Promise((resolve) => {
      const entry = {
        holder,
        enter: () => {
          clearTimeout(timer)
          resolve(true)
        },
      }
      const timer =
        limitMs === Number.POSITIVE_INFINITY
          ? undefined
          : setTimeout(() => {
              this.waiting.splice(this.waiting.indexOf(entry), 1)
              resolve(false)
            }, limitMs)
      this.waiting.push(entry)
    })
  }

  holds(holder: Holder): boolean {
    return this.owner === holder
  }

  release(holder: Holder): void {
    if (this.owner !== holder) return
    const next = this.waiting.shift()
    this.owner = next?.holder ?? null
    next?.enter()
  }
}

type Unit = { kind: 'exec'; bytes: Buffer; last: number } | { kind: 'reply'; bytes: Buffer } | { kind: 'end' }

class Connection {
  private pending: Buffer = Buffer.alloc(0)
  private started = false
  private closed = false
  /**
   * The named statements this connection prepared. The backend's one session holds every
   * connection's: those of a connection that ends are closed, or they would stay for ever.
   */
  private readonly statements = new Set<string>()
  /** Everything a connection does runs in order: its batches, then its clean-up. */
  private chain: Promise<void> = Promise.resolve()
  readonly finished: Promise<void>
  private finish!: () => void

  constructor(
    private readonly socket: Socket,
    private readonly pglite: PGlite,
    private readonly gate: Gate,
    private readonly failed: (error: unknown) => void,
    private readonly waitLimitMs: number,
  ) {
    this.finished = new Promise((resolve) => {
      this.finish = resolve
    })
    socket.setNoDelay(true)
    socket.on('data', (chunk) => {
      this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
      this.after(() => this.drain())
    })
    // 'close' always follows an error; the clean-up happens there.
    socket.on('error', () => {})
    socket.on('close', () => {
      this.closed = true
      this.after(() => this.abandon())
      this.chain = this.chain.then(this.finish)
    })
  }

  private after(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch((error) => {
      // Its client sees the connection end (a 503 for a request); the clean-up rolls back.
      this.socket.destroy()
      this.failed(error)
    })
  }

  private async drain(): Promise<void> {
    for (let unit = this.next(); unit; unit = this.next()) {
      if (unit.kind === 'reply') this.socket.write(unit.bytes)
      else if (unit.kind === 'end') this.socket.end()
      else await this.run(unit.bytes, unit.last)
    }
  }

  /** The next thing to do with what the client sent: complete messages only, as many as arrived. */
  private next(): Unit | null {
    const buffer = this.pending
    if (this.closed) return null
    if (!this.started) {
      if (buffer.length < 8) return null
      const length = buffer.readInt32BE(0)
      if (buffer.length < length) return null
      const code = buffer.readInt32BE(4)
      this.pending = buffer.subarray(length)
      // No TLS on a private socket: 'N' tells the client to go on in clear.
      if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE)
        return { kind: 'reply', bytes: Buffer.from('N') }
      if (code === CANCEL_REQUEST_CODE) return { kind: 'end' }
      this.started = true
      return { kind: 'exec', bytes: buffer.subarray(0, length), last: 0 }
    }
    let end = 0
    let last = 0
    while (end + 5 <= buffer.length) {
      const type = buffer[end]!
      const size = 1 + buffer.readInt32BE(end + 1)
      if (end + size > buffer.length) break
      if (type === TERMINATE) {
        if (end > 0) break
        this.pending = buffer.subarray(size)
        return { kind: 'end' }
      }
      if (type === PARSE) this.parsed(buffer, end + 5)
      else if (type === QUERY) this.deallocated(buffer.toString('latin1', end + 5, end + size))
      last = type
      end += size
    }
    if (end === 0) return null
    this.pending = buffer.subarray(end)
    return { kind: 'exec', bytes: buffer.subarray(0, end), last }
  }

  private parsed(buffer: Buffer, at: number): void {
    const name = buffer.toString('utf8', at, buffer.indexOf(0, at))
    if (name !== '') this.statements.add(name)
  }

  private deallocated(text: string): void {
    const name = DEALLOCATE.exec(text)?.[1]
    if (name !== undefined) this.statements.delete(name)
  }

  private async run(bytes: Buffer, last: number): Promise<void> {
    if (!(await this.gate.acquire(this, this.waitLimitMs))) {
      this.socket.write(busyReply(bytes, this.waitLimitMs))
      return
    }
    // Gone while waiting: its clean-up, next in line, gives the backend back.
    if (this.closed) return
    let tail = Buffer.alloc(0)
    await this.pglite.execProtocolRawStream(bytes, {
      onRawData: (data) => {
        // PGlite reuses its buffer: the socket gets a copy.
        if (!this.closed) this.socket.write(Buffer.from(data))
        tail = Buffer.concat([tail, data.subarray(Math.max(0, data.length - 6))]).subarray(-6)
      },
    })
    const ready = tail.length === 6 && tail[0] === READY_FOR_QUERY
    const batchEnded = last === SYNC || last === QUERY || last === 0
    if (ready && batchEnded && tail[5] === IDLE) this.gate.release(this)
  }

  private async abandon(): Promise<void> {
    const held = this.gate.holds(this)
    if (!held && this.statements.size === 0) return
    if (!held) await this.gate.acquire(this)
    try {
      if (held) await this.pglite.execProtocolRaw(ABANDON)
      if (this.statements.size > 0) await this.pglite.execProtocolRaw(closeStatements(this.statements))
    } finally {
      this.gate.release(this)
    }
  }
}

export interface ProtocolServer {
  /** Runs `task` on the backend once no connection holds it (no transaction of anyone is open). */
  exclusive<T>(task: () => Promise<T>): Promise<T>
  /** Stops listening, ends every connection (rolling back what they left open), and waits for it. */
  close(): Promise<void>
}

/**
 * Listens on `path` (a Unix socket). `failed` hears of an error PGlite itself threw (rather
 * than answered as an ErrorResponse), for the log; that connection is ended, the others go on.
 */
export async function servePglite(
  pglite: PGlite,
  path: string,
  failed: (error: unknown) => void,
  options: { waitLimitMs?: number } = {},
): Promise<ProtocolServer> {
  const waitLimitMs = options.waitLimitMs ?? WAIT_LIMIT_MS
  const gate = new Gate()
  const connections = new Set<Connection>()
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    const connection = new Connection(socket, pglite, gate, failed, waitLimitMs)
    connections.add(connection)
    sockets.add(socket)
    void connection.finished.then(() => {
      connections.delete(connection)
      sockets.delete(socket)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return {
    async exclusive(task) {
      const holder = {}
      await gate.acquire(holder)
      try {
        return await task()
      } finally {
        gate.release(holder)
      }
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      await Promise.all([...connections].map((c) => c.finished))
      await closed
    },
  }
}
