import { formatDateTime } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { SessionView } from '../own-sessions.service.ts'

interface Props {
  ctx: ViewContext
  sessions: SessionView[]
  /** what the last action did, shown once after its redirect */
  done: 'one' | 'others' | null
}

export function SessionsPage({ ctx, sessions, done }: Props) {
  const { t, locale } = ctx
  const device = (s: SessionView) => (s.device === '? / ?' ? t('sessions.unknownDevice') : s.device)
  const others = sessions.filter((s) => !s.current)
  return (
    <Layout ctx={ctx} title={t('sessions.title')}>
      <h1>{t('sessions.title')}</h1>
      {done && <Confirmation text={t(done === 'one' ? 'sessions.ended' : 'sessions.endedOthers')} />}
      <p>{t('sessions.intro')}</p>
      <div class="table-scroll">
        <table>
          <caption>{t('sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.device')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.action')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.ref}>
                <th scope="row">{device(s)}</th>
                <td>{formatDateTime(s.createdAt, locale)}</td>
                <td>{formatDateTime(s.lastSeenAt, locale)}</td>
                <td>
                  {s.current ? (
                    <strong>{t('sessions.current')}</strong>
                  ) : (
                    <ActionButton
                      ctx={ctx}
                      action={`/compte/sessions/${s.ref}/deconnecter`}
                      label={t('sessions.end')}
                      which={t('sessions.endWhich', {
                        device: device(s),
                        date: formatDateTime(s.createdAt, locale),
                      })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others.length > 0 ? (
        <ActionButton
          ctx={ctx}
          action="/compte/sessions/deconnecter-les-autres"
          label={t('sessions.endOthers')}
        />
      ) : (
        <p>{t('sessions.onlyThis')}</p>
      )}
      <p>
        <a href="/compte">{t('profile.back')}</a>
      </p>
    </Layout>
  )
}
