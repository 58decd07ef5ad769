import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { MyRegistration } from '../registration.service.ts'
import { FREQUENCY_LABEL, STATUS_LABEL } from './parts.tsx'

/** « Recevoir des appels de convivialité »: what it is, how to register, and one's registrations. */
export function MyCallsPage({
  ctx,
  rows,
  notice,
}: {
  ctx: ViewContext
  rows: MyRegistration[]
  notice?: string | undefined
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('calls.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('calls.mine.title')}</h1>
      <p>{t('calls.mine.intro')}</p>
      <p>{t('calls.register.neverMerged')}</p>
      <ul class="results">
        <li>
          <a href="/appels-de-convivialite/inscription">{t('calls.mine.forMe')}</a>
        </li>
        <li>
          <a href="/appels-de-convivialite/inscription-proche">{t('calls.mine.forRelative')}</a>
        </li>
        <li>
          <a href="/appels-de-convivialite/appelant">{t('calls.mine.becomeCaller')}</a>
        </li>
      </ul>
      <h2>{t('calls.mine.registrations')}</h2>
      {rows.length === 0 && <p>{t('calls.mine.none')}</p>}
      <ul class="call-registrations">
        {rows.map(({ registration, person }) => {
          const name = person ? `${person.firstName} ${person.lastName}` : t('calls.mine.someone')
          const base = `/appels-de-convivialite/${registration.id}`
          return (
            <li key={registration.id}>
              <p>
                <strong>{name}</strong> – {t(FREQUENCY_LABEL[registration.frequency])} –{' '}
                {t(STATUS_LABEL[registration.status])}
              </p>
              <p class="hint">
                {registration.mayorRegisterAt ? t('calls.mine.mayorYes') : t('calls.mine.mayorNo')}
              </p>
              {registration.status === 'active' && (
                <ActionButton ctx={ctx} action={`${base}/pause`} label={t('calls.mine.pause')} which={name} />
              )}
              {registration.status === 'paused' && (
                <ActionButton
                  ctx={ctx}
                  action={`${base}/reprise`}
                  label={t('calls.mine.resume')}
                  which={name}
                />
              )}
              <ActionButton
                ctx={ctx}
                action={`${base}/retrait`}
                label={t('calls.mine.withdraw')}
                which={name}
              />
            </li>
          )
        })}
      </ul>
    </Layout>
  )
}
