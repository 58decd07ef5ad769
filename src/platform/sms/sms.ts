import type { Config } from '../../config.ts'
import { decrypt, encrypt } from '../auth/secrets.ts'
import type { Clock } from '../clock.ts'
import type { Database, DbOrTx } from '../db/client.ts'
import { type Locale, translator } from '../i18n/i18n.ts'
import { dateTimeFormat } from '../i18n/intl.ts'
import { PermanentJobError } from '../jobs/job-error.ts'
import type { JobQueue } from '../jobs/queue.ts'
import type { JobContext, JobWorker } from '../jobs/worker.ts'
import type { Territory } from '../tenancy/territory.ts'
import { fitSms, segmentCount } from './gsm7.ts'
import {
  addToStopList,
  countAgainstCap,
  countHeld,
  dayCounts,
  findSmsLog,
  insertSmsLog,
  isOnStopList,
  removeFromStopList,
  setSmsStatus,
} from './sms.repository.ts'
import { HttpSmsProvider, OutboxSmsProvider, type SmsProvider } from './sms-provider.ts'

export interface SmsMessage {
  territory: Territory
  /** E.164 */
  to: string
  locale: Locale
  /**
   * The words: `variable` (a title, a name) is shortened when the whole would not fit in one SMS;
   * `before` and `after` (a link) never are. The STOP notice is added after them.
   */
  text: { before: string; variable?: string; after?: string }
  /** what it is about, for the log: 'notification', 'phone-case'… */
  purpose: string
  /** the transaction of the change the SMS reports: no SMS if it rolls back */
  tx?: DbOrTx
}

interface SmsJob {
  to: string
  text: string
}

export const SMS_JOB = 'sms.send'
const SMS_PURPOSE = 'sms-queue'
/** About four hours of retries with backoff, as for mail: a provider down for an afternoon loses nothing. */
const SMS_MAX_ATTEMPTS = 10
const E164 = /^\+[1-9]\d{6,14}$/

/** The day as lived in France, the cap's day: « 2026-11-30 » until midnight in Paris. */
export function parisDay(date: Date): string {
  return dateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date)
}

/**
 * SMS for people without a smartphone, beside the mail. Whoever calls `send` has checked the
 * person opted in; this keeps the rest: a number that answered « STOP » gets nothing (checked when
 * asked and again when sending, for SMS already queued), each day's cap per territory, the
 * queue's retries, and one SMS per job even when a try is repeated.
 */
/**
 * What became of one try of an SMS job: sent, held back by the day's cap, not sent to a number
 * that answered STOP, refused for good by the provider, or a try that failed and will be repeated.
 */
export type SmsOutcome = 'sent' | 'held-cap' | 'stopped' | 'failed' | 'retried'

export class Sms {
  readonly #provider: SmsProvider | null
  readonly #listeners: ((outcome: SmsOutcome) => void)[] = []

  constructor(
    private readonly deps: {
      config: Config
      database: Database
      clock: Clock
      jobs: JobQueue
      worker: JobWorker
      provider?: SmsProvider
    },
  ) {
    const { sms } = deps.config
    this.#provider =
      deps.provider ??
      (sms.provider === 'http'
        ? new HttpSmsProvider({ url: sms.url, token: sms.token })
        : sms.provider === 'outbox'
          ? new OutboxSmsProvider(deps.database.db, deps.clock)
          : null)
    deps.worker.register(SMS_JOB, (payload, ctx) => this.#deliver(payload, ctx))
  }

  /** False in production without a provider: nothing offers SMS then. */
  get enabled(): boolean {
    return this.#provider !== null
  }

  /** The text as it will be sent: in the GSM-7 alphabet, one SMS where it can, the STOP notice last. */
  compose(message: Pick<SmsMessage, 'text' | 'locale'>): string {
    const stop = translator(message.locale)('sms.stop', { sender: this.deps.config.sms.sender })
    const after = message.text.after ? `${message.text.after} ${stop}` : stop
    return fitSms({ before: message.text.before, variable: message.text.variable ?? '', after: ` ${after}` })
  }

  /**
   * Queues the SMS in the caller's transaction and returns its job's id; null when SMS are off or
   * the number is on the stop list. The job carries number and text sealed, as mail jobs do.
   */
  async send(message: SmsMessage): Promise<string | null> {
    // The error names no number: it may reach a log.
    if (!E164.test(message.to)) throw new Error('invalid SMS recipient')
    if (!this.#provider) return null
    const db = message.tx ?? this.deps.database.db
    if (await isOnStopList(db, message.territory.id, message.to)) return null
    const text = this.compose(message)
    const job: SmsJob = { to: message.to, text }
    const id = await this.deps.jobs.enqueue(
      SMS_JOB,
      { sealed: encrypt(this.deps.config.appSecret, JSON.stringify(job), SMS_PURPOSE) },
      { territoryId: message.territory.id, maxAttempts: SMS_MAX_ATTEMPTS, tx: db },
    )
    const now = this.deps.clock.now()
    await insertSmsLog(db, {
      id,
      territoryId: message.territory.id,
      purpose: message.purpose.slice(0, 40),
      status: 'queued',
      segments: segmentCount(text),
      providerId: null,
      createdAt: now,
      updatedAt: now,
    })
    return id
  }

  /** The number answered « STOP »: nothing more is sent to it on this territory, queued SMS included. */
  stop(tx: DbOrTx, territoryId: string, phone: string): Promise<void> {
    return addToStopList(tx, territoryId, phone, this.deps.clock.now())
  }

  /** The person opted in anew (their profile, an agent recording their consent): the STOP is lifted. */
  resume(tx: DbOrTx, territoryId: string, phone: string): Promise<void> {
    return removeFromStopList(tx, territoryId, phone)
  }

  isStopped(territoryId: string, phone: string): Promise<boolean> {
    return isOnStopList(this.deps.database.db, territoryId, phone)
  }

  /** Called at each try's outcome: the metrics count them (a provider down, a cap reached). */
  onOutcome(listener: (outcome: SmsOutcome) => void): void {
    this.#listeners.push(listener)
  }

  #outcome(outcome: SmsOutcome): void {
    for (const listener of this.#listeners) listener(outcome)
  }

  /** Today's SMS (in segments) sent and held back by the cap, for the territory's administrators. */
  today(territoryId: string): Promise<{ sent: number; held: number }> {
    return dayCounts(this.deps.database.db, territoryId, parisDay(this.deps.clock.now()))
  }

  async #deliver(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
    const provider = this.#provider
    if (!provider) throw new Error('no SMS provider is configured')
    const territoryId = ctx.territoryId
    if (!territoryId) throw new PermanentJobError('SMS job without a territory')
    const sms = readSmsJob(this.deps.config.appSecret, payload)
    const { db } = this.deps.database
    const now = () => this.deps.clock.now()
    const log = await findSmsLog(db, ctx.jobId)
    if (log && log.status !== 'queued' && log.status !== 'sending') return
    if (await isOnStopList(db, territoryId, sms.to)) {
      await setSmsStatus(db, ctx.jobId, 'stopped', now())
      this.#outcome('stopped')
      return
    }
    // Counted once, on the first try that reaches here; a retry after a failed send counts no more.
    if (!log || log.status === 'queued') {
      const held = await db.transaction(async (tx) => {
        const day = parisDay(now())
        if (await countAgainstCap(tx, territoryId, day, segmentCount(sms.text))) {
          await setSmsStatus(tx, ctx.jobId, 'sending', now())
          return false
        }
        await countHeld(tx, territoryId, day)
        await setSmsStatus(tx, ctx.jobId, 'held-cap', now())
        return true
      })
      if (held) {
        this.deps.worker.logger.warn({ job: ctx.jobId, territory: territoryId }, 'SMS held back: daily cap')
        this.#outcome('held-cap')
        return
      }
    }
    try {
      const sent = await provider.send({
        to: sms.to,
        from: this.deps.config.sms.sender,
        text: sms.text,
        reference: ctx.jobId,
        territoryId,
      })
      await setSmsStatus(db, ctx.jobId, 'sent', now(), sent.providerId)
      this.#outcome('sent')
    } catch (error) {
      const permanent = error instanceof PermanentJobError
      if (permanent) await setSmsStatus(db, ctx.jobId, 'failed', now())
      this.#outcome(permanent ? 'failed' : 'retried')
      throw error
    }
  }
}

/** An SMS job that cannot be opened (APP_SECRET changed, row altered) never will be. */
function readSmsJob(secret: string, payload: Record<string, unknown>): SmsJob {
  let job: unknown
  try {
    job = JSON.parse(decrypt(secret, String(payload.sealed), SMS_PURPOSE))
  } catch {
    throw new PermanentJobError('SMS job cannot be unsealed')
  }
  const { to, text } = (job ?? {}) as Record<string, unknown>
  if (typeof to !== 'string' || typeof text !== 'string' || !E164.test(to))
    throw new PermanentJobError('SMS job payload is malformed')
  return { to, text }
}
