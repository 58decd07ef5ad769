import type { Transporter } from 'nodemailer'
import type { Config } from '../../config.ts'
import { decrypt, encrypt } from '../auth/secrets.ts'
import type { Clock, IdGenerator } from '../clock.ts'
import type { Database, DbOrTx } from '../db/client.ts'
import type { WriteBatch } from '../db/write-batch.ts'
import type { Locale } from '../i18n/i18n.ts'
import { PermanentJobError } from '../jobs/job-error.ts'
import type { JobQueue } from '../jobs/queue.ts'
import type { JobContext, JobWorker } from '../jobs/worker.ts'
import type { Territory } from '../tenancy/territory.ts'
import { insertDevEmail } from './dev-outbox.repository.ts'
import { type MailTemplateName, renderMail } from './templates.tsx'

export interface MailMessage {
  territory: Territory | null
  to: string
  locale: Locale
  template: MailTemplateName
  data: Record<string, string>
  /** extra headers, such as List-Unsubscribe (RFC 8058) on alerts */
  headers?: Record<string, string>
  /** the transaction of the change the mail reports: no mail if it rolls back */
  tx?: DbOrTx
  /** queued with the batch's other writes, when the caller runs it in `tx` */
  batch?: WriteBatch
}

/**
 * The mail as written when it was asked for, so a retry sends the same words. The job carries it
 * sealed (AES-256-GCM, key derived from APP_SECRET): a verification, reset or invitation link opens
 * an account, and the queue keeps a job for days, so the database never holds one in clear.
 */
interface MailJob {
  to: string
  fromName: string
  replyTo: string | null
  subject: string
  html: string
  text: string
  headers?: Record<string, string>
}

export const MAIL_JOB = 'mail.send'
const MAIL_PURPOSE = 'mail-queue'
/** About four hours of retries with backoff: a mail server down for an afternoon loses nothing. */
const MAIL_MAX_ATTEMPTS = 10
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/

export class Mailer {
  /** loaded at the first mail sent: most starts send none, and nodemailer costs ~50 ms of CPU to load */
  #transport: Promise<Transporter> | null = null
  readonly #fromAddress: string

  constructor(
    private readonly deps: {
      config: Config
      database: Database
      clock: Clock
      ids: IdGenerator
      jobs: JobQueue
      worker: JobWorker
    },
  ) {
    const { config } = deps
    this.#fromAddress = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom.trim()
    deps.worker.register(MAIL_JOB, (payload, ctx) => this.#deliver(payload, ctx))
  }

  /** Writes the mail now, in the recipient's language, and queues its sending; returns the job id. */
  async send(message: MailMessage): Promise<string> {
    // The error names no address: it may reach a log.
    if (!ADDRESS.test(message.to)) throw new Error('invalid recipient address')
    const rendered = renderMail(message.template, {
      locale: message.locale,
      territory: message.territory,
      data: message.data,
      now: this.deps.clock.now(),
      baseUrl: this.deps.config.publicUrl ?? null,
    })
    const job: MailJob = {
      to: message.to,
      fromName: message.territory?.platformName ?? 'Entraide',
      replyTo: message.territory?.contactEmail ?? null,
      ...rendered,
      ...(message.headers ? { headers: cleanHeaders(message.headers) } : {}),
    }
    return this.deps.jobs.enqueue(
      MAIL_JOB,
      { sealed: encrypt(this.deps.config.appSecret, JSON.stringify(job), MAIL_PURPOSE) },
      {
        territoryId: message.territory?.id ?? null,
        maxAttempts: MAIL_MAX_ATTEMPTS,
        tx: message.tx,
        batch: message.batch,
      },
    )
  }

  #smtp(): Promise<Transporter> | null {
    const url = this.deps.config.smtpUrl
    if (!url) return null
    // Timeouts keep a server that accepts the connection but never answers from holding a job past its lease.
    this.#transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      }),
    )
    return this.#transport
  }

  async #deliver(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
    const mail = readMailJob(openSealed(this.deps.config.appSecret, payload))
    // The same id on every try: a mail sent again after a crash is recognisable as the same message.
    const messageId = `<${ctx.jobId}@${this.#fromAddress.split('@')[1] ?? 'entraide.localhost'}>`
    const smtp = this.#smtp()
    if (smtp) {
      await (await smtp).sendMail({
        from: { name: mail.fromName, address: this.#fromAddress },
        to: mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        ...(mail.headers ? { headers: mail.headers } : {}),
      })
      return
    }
    if (this.deps.config.env === 'production') throw new Error('SMTP_URL is not configured')
    await insertDevEmail(this.deps.database.db, {
      id: ctx.jobId,
      territoryId: ctx.territoryId,
      recipient: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: { ...mail.headers, 'Message-ID': messageId, From: `${mail.fromName} <${this.#fromAddress}>` },
      createdAt: this.deps.clock.now(),
    })
  }
}

/** Mails queued before sealing existed are still sent; one that cannot be opened never will be. */
function openSealed(secret: string, payload: Record<string, unknown>): Record<string, unknown> {
  if (typeof payload.sealed !== 'string') return payload
  try {
    return JSON.parse(decrypt(secret, payload.sealed, MAIL_PURPOSE)) as Record<string, unknown>
  } catch {
    // APP_SECRET changed since it was queued, or the row was altered.
    throw new PermanentJobError('mail job cannot be unsealed')
  }
}

/** A header is one line: a line break in a value must not start another header. */
function cleanHeaders(headers: Record<string, string>): Record<string, string> {
  const clean: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) clean[name] = value.replace(/[\r\n]+/g, ' ')
  }
  return clean
}

function readMailJob(payload: Record<string, unknown>): MailJob {
  const { to, fromName, replyTo, subject, html, text, headers } = payload
  const strings = [to, fromName, subject, html, text].every((v) => typeof v === 'string')
  const headersOk =
    headers === undefined ||
    (typeof headers === 'object' &&
      headers !== null &&
      Object.values(headers).every((v) => typeof v === 'string'))
  if (!strings || !headersOk || (replyTo !== null && typeof replyTo !== 'string')) {
    throw new PermanentJobError('mail job payload is malformed')
  }
  return payload as unknown as MailJob
}
