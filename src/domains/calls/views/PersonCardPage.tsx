import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { PairedPerson } from '../caller.service.ts'
import type { CallLogRow } from '../registration.repository.ts'
import { CallHistory, FREQUENCY_LABEL, LANGUAGE_NAME, OutcomeForms, PersonPhone } from './parts.tsx'

/** A paired person's card: their number (each opening audited), what they like, and the one tap after the call. */
export function PersonCardPage({
  ctx,
  card,
  errors,
  notice,
}: {
  ctx: ViewContext
  card: PairedPerson & { logs: CallLogRow[] }
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { t } = ctx
  const { registration, person, logs } = card
  const name = `${person.firstName} ${person.lastName}`
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, name, errors)}>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{name}</h1>
      <PersonPhone ctx={ctx} person={person} />
      <dl class="call-person">
        <div>
          <dt>{t('calls.card.frequency')}</dt>
          <dd>{t(FREQUENCY_LABEL[registration.frequency])}</dd>
        </div>
        {registration.preferredTimes && (
          <div>
            <dt>{t('calls.card.times')}</dt>
            <dd>{registration.preferredTimes}</dd>
          </div>
        )}
        {registration.topics && (
          <div>
            <dt>{t('calls.card.topics')}</dt>
            <dd>{registration.topics}</dd>
          </div>
        )}
        <div>
          <dt>{t('calls.card.language')}</dt>
          <dd>{LANGUAGE_NAME[registration.language] ?? registration.language}</dd>
        </div>
      </dl>
      <OutcomeForms
        ctx={ctx}
        action={`/appels-de-convivialite/personnes/${registration.id}/appel`}
        which={name}
      />
      <h2>{t('calls.card.history')}</h2>
      <CallHistory ctx={ctx} logs={logs} />
      <p>
        <a href="/appels-de-convivialite/appelant">{t('calls.card.back')}</a>
      </p>
    </Layout>
  )
}
