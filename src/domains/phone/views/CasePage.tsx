import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { formatPhone, phoneHref } from '../../../platform/phone-numbers.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Choices,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
} from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { RelayedResponse } from '../../matches/index.ts'
import type { CaseView } from '../case.service.ts'
import { callResultKeys, originKeys, outcomeKeys, relayNameOf } from '../case.ts'
import { callResults, caseOutcomes } from '../phone.schema.ts'
import { CaseTimeline } from './CaseTimeline.tsx'
import { linePaths } from './paths.ts'

const responseStatusKeys = {
  pending: 'phone.response.pending',
  accepted: 'phone.response.accepted',
  declined: 'phone.response.declined',
  withdrawn: 'phone.response.withdrawn',
  cancelled: 'phone.response.cancelled',
  done: 'phone.response.done',
} as const

function Responses(props: { ctx: ViewContext; view: CaseView; open: boolean }) {
  const { ctx, view, open } = props
  const { t, locale } = ctx
  const relayName = relayNameOf(view.person)
  return (
    <section aria-labelledby="responses-title">
      <h2 id="responses-title">{t('phone.case.responses', { count: view.responses.length })}</h2>
      {view.responses.length === 0 && <p>{t('phone.case.noResponse')}</p>}
      <ul class="listing-list">
        {view.responses.map((r: RelayedResponse) => (
          <li key={r.matchId}>
            <h3>
              {t('phone.case.responseFrom', {
                name: r.responderName,
                date: formatDateTime(r.createdAt, locale),
              })}
            </h3>
            <p>
              {t(r.verifiedVolunteer ? 'phone.case.verified' : 'phone.case.notVerified')} ·{' '}
              {t(responseStatusKeys[r.status])}
            </p>
            <blockquote>
              <p>{r.message}</p>
            </blockquote>
            {open && r.status === 'pending' && (
              <div class="actions">
                <ActionButton
                  ctx={ctx}
                  action={`${linePaths.case(view.case.id)}/reponses/${r.matchId}/accepter`}
                  label={t('phone.case.acceptFor', { name: relayName })}
                  which={t('phone.case.of', { name: r.responderName })}
                />
                <ActionButton
                  ctx={ctx}
                  action={`${linePaths.case(view.case.id)}/reponses/${r.matchId}/decliner`}
                  label={t('phone.case.decline')}
                  which={t('phone.case.of', { name: r.responderName })}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function CallForm({
  ctx,
  caseId,
  errors,
  values,
}: {
  ctx: ViewContext
  caseId: string
  errors: FieldError[]
  values: Record<string, string>
}) {
  const { t } = ctx
  const directionError = errorFor(errors, 'direction')
  const resultError = errorFor(errors, 'result')
  return (
    <section aria-labelledby="call-title">
      <h2 id="call-title">{t('phone.call.title')}</h2>
      <form method="post" action={`${linePaths.case(caseId)}/appel`} novalidate>
        <CsrfField ctx={ctx} />
        <Choices
          ctx={ctx}
          id="direction"
          name="direction"
          type="radio"
          legend={t('phone.call.direction')}
          {...(directionError ? { error: directionError } : {})}
          options={[
            { value: 'out', label: t('phone.call.out') },
            { value: 'in', label: t('phone.call.in') },
          ]}
          checked={[values.direction || 'out']}
        />
        <Choices
          ctx={ctx}
          id="result"
          name="result"
          type="radio"
          legend={t('phone.call.result')}
          {...(resultError ? { error: resultError } : {})}
          options={callResults.map((r) => ({ value: r, label: t(callResultKeys[r]) }))}
          checked={[values.result ?? '']}
        />
        <TextArea
          ctx={ctx}
          name="note"
          label={t('phone.call.note')}
          value={values.note ?? ''}
          error={errorFor(errors, 'note')}
        />
        <button type="submit">{t('phone.call.submit')}</button>
      </form>
    </section>
  )
}

/** A case: the person and how to reach them, the ask and its responses, the calls, the outcome. */
export function CasePage(props: {
  ctx: ViewContext
  view: CaseView
  errors: FieldError[]
  values: Record<string, string>
  notice?: string | undefined
  refusal?: string | undefined
}) {
  const { ctx, view, errors, values, notice, refusal } = props
  const { t } = ctx
  const person = view.person
  const name = `${person.firstName} ${person.lastName}`
  const title = t('phone.case.title', { name })
  const open = view.case.status === 'open'
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      {refusal && (
        <div class="error-summary" role="alert">
          <p>{refusal}</p>
        </div>
      )}
      <p>
        <a href={linePaths.queue}>{t('phone.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t(originKeys[view.case.origin])} ·{' '}
        {open
          ? t('phone.case.open')
          : t('phone.case.closedWith', { outcome: t(outcomeKeys[view.case.outcome ?? 'other']) })}
      </p>
      <blockquote>
        <p>{view.case.summary}</p>
      </blockquote>
      <dl class="phone-record">
        <dt>{t('phone.person.phone')}</dt>
        <dd>
          <a href={phoneHref(person.phone)}>{formatPhone(person.phone)}</a>
        </dd>
        <dt>{t('phone.person.commune')}</dt>
        <dd>{view.communeName}</dd>
        <dt>{t('phone.person.callTimes')}</dt>
        <dd>{person.callTimes ?? t('phone.none')}</dd>
        <dt>{t('phone.person.answeredBy')}</dt>
        <dd>{person.answeredBy ?? t('phone.none')}</dd>
        <dt>{t('phone.shared.legend')}</dt>
        <dd>{person.sharedContact === 'line' ? t('phone.shared.lineShort') : t('phone.shared.ownPhone')}</dd>
      </dl>
      <p>
        <a href={`${linePaths.person(person.id)}?motif=follow-up`}>{t('phone.case.record', { name })}</a>
        {view.listing && (
          <>
            {' · '}
            <a href={`/annonces/${view.listing.id}`}>
              {t('phone.case.listing', { title: view.listing.title })}
            </a>
          </>
        )}
      </p>
      {view.listing && <Responses ctx={ctx} view={view} open={open} />}
      {errorFor(errors, 'decision') && <p class="error-message">{errorFor(errors, 'decision')}</p>}
      {open && <CallForm ctx={ctx} caseId={view.case.id} errors={errors} values={values} />}
      {open && (
        <section aria-labelledby="note-title">
          <h2 id="note-title">{t('phone.note.title')}</h2>
          <form method="post" action={`${linePaths.case(view.case.id)}/note`} novalidate>
            <CsrfField ctx={ctx} />
            <TextArea
              ctx={ctx}
              name="noteText"
              label={t('phone.note.label')}
              value={values.noteText ?? ''}
              error={errorFor(errors, 'noteText')}
            />
            <button type="submit">{t('phone.note.submit')}</button>
          </form>
        </section>
      )}
      <CaseTimeline ctx={ctx} view={view} />
      {open ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{t('phone.close.title')}</h2>
          <form method="post" action={`${linePaths.case(view.case.id)}/cloture`} novalidate>
            <CsrfField ctx={ctx} />
            <Select
              ctx={ctx}
              name="outcome"
              label={t('phone.close.outcome')}
              placeholder={t('phone.close.choose')}
              options={caseOutcomes.map((o) => ({ value: o, label: t(outcomeKeys[o]) }))}
              value={values.outcome ?? ''}
              error={errorFor(errors, 'outcome')}
            />
            <TextArea
              ctx={ctx}
              name="closingNote"
              label={t('phone.close.note')}
              value={values.closingNote ?? ''}
              error={errorFor(errors, 'closingNote')}
            />
            <button type="submit">{t('phone.close.submit')}</button>
          </form>
        </section>
      ) : (
        <ActionButton
          ctx={ctx}
          action={`${linePaths.case(view.case.id)}/reouverture`}
          label={t('phone.case.reopen')}
        />
      )}
    </Layout>
  )
}
