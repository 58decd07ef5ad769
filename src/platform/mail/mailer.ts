import nodemailer, { type Transporter } from 'nodemailer'
import type { Config } from '../../config.ts'
import type { Clock, IdGenerator } from '../clock.ts'
import type { Database, DbOrTx } from '../db/client.ts'
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
}

/** What the job carries: the mail as written when it was asked for, so a retry sends the same words. */
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
/** About four hours of retries with backoff: a mail server down for an afternoon loses nothing. */
const MAIL_MAX_ATTEMPTS = 10
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/

export class Mailer {
  readonly #transport: Transporter | null
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
    // Timeouts keep a server that accepts the connection but never answers from holding a job past its lease.
    this.#transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 60_000,
        })
      : null
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
      { ...job },
      {
        territoryId: message.territory?.id ?? null,
        maxAttempts: MAIL_MAX_ATTEMPTS,
        tx: message.tx,
      },
    )
  }

  async #deliver(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
    const mail = readMailJob(payload)
    // The same id on every try: a mail sent again after a crash is recognisable as the same message.
    const messageId = `<${ctx.jobId}@${this.#fromAddress.split('@')[1] ?? 'entraide.localhost'}>`
    if (this.#transport) {
      await this.#transport.sendMail({
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
