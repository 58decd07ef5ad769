import type { FastifyInstance } from 'fastify'
import { formatDateTime } from '../i18n/i18n.ts'
import { formatPhone } from '../phone-numbers.ts'
import type { AppServices } from '../services.ts'
import type { ViewContext } from '../views/context.ts'
import { Layout } from '../views/Layout.tsx'
import { sendPage } from '../views/render.ts'
import { ScrollRegion } from '../views/ScrollRegion.tsx'
import { type DevSms, listDevSms } from './sms.repository.ts'

const LIST_LIMIT = 200

/** Development outbox (only registered outside production): the SMS the platform would have sent. */
export async function devSmsPages(app: FastifyInstance, services: AppServices) {
  const db = services.database.db
  app.get('/dev/sms', { config: { permission: 'dev' as const, scope: null } }, async (req, reply) => {
    const messages = await listDevSms(db, req.territory?.id ?? null, LIST_LIMIT)
    return sendPage(reply, <SmsOutbox ctx={req.viewContext()} messages={messages} />)
  })
}

function SmsOutbox({ ctx, messages }: { ctx: ViewContext; messages: DevSms[] }) {
  const { t } = ctx
  const title = t('sms.outbox.title')
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('sms.outbox.intro')}</p>
      {messages.length === 0 ? (
        <p>{t('sms.outbox.empty')}</p>
      ) : (
        <ScrollRegion label={t('sms.outbox.caption')}>
          <table>
            <caption>{t('sms.outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sms.outbox.date')}</th>
                <th scope="col">{t('sms.outbox.recipient')}</th>
                <th scope="col">{t('sms.outbox.text')}</th>
                <th scope="col">{t('sms.outbox.segments')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((sms) => (
                <tr key={sms.id}>
                  <td>
                    <time dateTime={sms.createdAt.toISOString()}>
                      {formatDateTime(sms.createdAt, ctx.locale)}
                    </time>
                  </td>
                  <td>{formatPhone(sms.recipient)}</td>
                  <td class="sms-text">{sms.body}</td>
                  <td>{sms.segments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  )
}
