import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { notFound } from '../http/problem.ts'
import { formatDateTime } from '../i18n/i18n.ts'
import type { AppServices } from '../services.ts'
import type { ViewContext } from '../views/context.ts'
import { Layout } from '../views/Layout.tsx'
import { sendPage } from '../views/render.ts'
import { type DevEmail, type DevEmailSummary, findDevEmail, listDevEmails } from './dev-outbox.repository.ts'

const LIST_LIMIT = 200
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) })

/**
 * The mail's own HTML runs in a sandboxed frame with no script, no network but images, and no
 * way out: a template bug or a hostile value in the data shows up here instead of running.
 */
const FRAME_CSP = [
  'sandbox',
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data: https:',
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** Development outbox (only registered outside production): what the platform would have mailed. */
export async function devEmailPages(app: FastifyInstance, services: AppServices) {
  const db = services.database.db
  const opts = { config: { permission: 'dev' as const, scope: null } }

  app.get('/dev/emails', opts, async (req, reply) => {
    const emails = await listDevEmails(db, req.territory?.id ?? null, LIST_LIMIT)
    return sendPage(reply, <OutboxList ctx={req.viewContext()} emails={emails} />)
  })

  app.get('/dev/emails/:id', { ...opts, schema: { params: Params } }, async (req, reply) => {
    const email = await findOr404(req)
    return sendPage(reply, <OutboxEmail ctx={req.viewContext()} email={email} />)
  })

  app.get(
    '/dev/emails/:id/html',
    {
      ...opts,
      schema: { params: Params },
      // Runs after the site-wide security headers, which forbid framing altogether.
      onSend: async (_req: FastifyRequest, reply: FastifyReply) => {
        reply.header('Content-Security-Policy', FRAME_CSP)
        reply.header('X-Frame-Options', 'SAMEORIGIN')
      },
    },
    async (req, reply) => {
      const email = await findOr404(req)
      return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(email.html)
    },
  )

  async function findOr404(req: FastifyRequest): Promise<DevEmail> {
    const { id } = req.params as { id: string }
    const email = await findDevEmail(db, id, req.territory?.id ?? null)
    if (!email) throw notFound()
    return email
  }
}

function OutboxList({ ctx, emails }: { ctx: ViewContext; emails: DevEmailSummary[] }) {
  const { t } = ctx
  const title = t('mail.outbox.title')
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('mail.outbox.intro')}</p>
      {emails.length === 0 ? (
        <p>{t('mail.outbox.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('mail.outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mail.outbox.date')}</th>
                <th scope="col">{t('mail.outbox.recipient')}</th>
                <th scope="col">{t('mail.outbox.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <td>
                    <time dateTime={email.createdAt.toISOString()}>
                      {formatDateTime(email.createdAt, ctx.locale)}
                    </time>
                  </td>
                  <td>{email.recipient}</td>
                  <td>
                    <a href={`/dev/emails/${email.id}`}>{email.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

function OutboxEmail({ ctx, email }: { ctx: ViewContext; email: DevEmail }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={email.subject}>
      <p>
        <a href="/dev/emails">{t('mail.outbox.back')}</a>
      </p>
      <h1>{email.subject}</h1>
      <dl>
        <dt>{t('mail.outbox.recipient')}</dt>
        <dd>{email.recipient}</dd>
        <dt>{t('mail.outbox.date')}</dt>
        <dd>
          <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt, ctx.locale)}</time>
        </dd>
        {email.headers['Message-ID'] && (
          <>
            <dt>{t('mail.outbox.messageId')}</dt>
            <dd>
              <code>{email.headers['Message-ID']}</code>
            </dd>
          </>
        )}
      </dl>
      <h2>{t('mail.outbox.text')}</h2>
      <pre class="mail-text">{email.text}</pre>
      <h2>{t('mail.outbox.html')}</h2>
      <iframe
        class="mail-frame"
        sandbox=""
        src={`/dev/emails/${email.id}/html`}
        title={t('mail.outbox.frameTitle', { subject: email.subject })}
        width="100%"
        height="640"
      />
    </Layout>
  )
}
