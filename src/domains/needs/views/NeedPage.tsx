import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  Choices,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { showDay } from '../../../platform/views/format.ts'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { holdReasonMessageKey } from '../../listings/index.ts'
import type { NeedView } from '../need.service.ts'
import { NeedStatusTag, Progress } from './parts.tsx'

export interface PledgeFormValues {
  quantity: string
  dropPointId: string
  organisationId: string
}

interface Props {
  ctx: ViewContext
  view: NeedView
  /** who is looking: a visitor, an account whose address is not confirmed yet, or one who may pledge */
  viewer: 'visitor' | 'unverified' | 'verified'
  onBehalfChoices: { id: string; name: string }[]
  values: PledgeFormValues
  errors: FieldError[]
  notice?: string | undefined
}

function HeldNotice({ ctx, reasons }: { ctx: ViewContext; reasons: string[] }) {
  const { t } = ctx
  return (
    <section class="notice" aria-labelledby="held-title">
      <h2 id="held-title">{t('needs.held.title')}</h2>
      <p>{t('needs.held.intro')}</p>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{t(holdReasonMessageKey(r as Parameters<typeof holdReasonMessageKey>[0]))}</li>
        ))}
      </ul>
    </section>
  )
}

function PledgeForm({ ctx, view, viewer, onBehalfChoices, values, errors }: Omit<Props, 'notice'>) {
  const { t } = ctx
  const { need } = view
  if (need.status !== 'open') return <p>{t('needs.pledge.closed')}</p>
  if (viewer === 'visitor')
    return (
      <p>
        {t('needs.pledge.signIn')}{' '}
        <a href={`/connexion?retour=${encodeURIComponent(`/besoins/${need.id}`)}`}>
          {t('needs.pledge.signInLink')}
        </a>
      </p>
    )
  if (viewer === 'unverified') return <p>{t('needs.pledge.verify')}</p>
  const dropPointId = values.dropPointId || (view.dropPoints.length === 1 ? view.dropPoints[0]!.id : '')
  return (
    <form method="post" action={`/besoins/${need.id}/promesses`} novalidate>
      <CsrfField ctx={ctx} />
      <TextField
        ctx={ctx}
        name="quantity"
        label={t('needs.pledge.quantity', { unit: need.unit })}
        hint={t('needs.pledge.quantityHint')}
        value={values.quantity}
        error={errorFor(errors, 'quantity')}
        spellcheck={false}
      />
      <Choices
        ctx={ctx}
        id="dropPointId"
        name="dropPointId"
        type="radio"
        legend={t('needs.pledge.dropPointLegend')}
        error={errorFor(errors, 'dropPointId')}
        options={view.dropPoints.map((p) => ({ value: p.id, label: `${p.name} (${p.communeName})` }))}
        checked={[dropPointId]}
      />
      {onBehalfChoices.length > 0 && (
        <Select
          ctx={ctx}
          name="organisationId"
          label={t('needs.pledge.onBehalf')}
          placeholder={t('needs.pledge.onBehalfSelf')}
          value={values.organisationId}
          options={onBehalfChoices.map((o) => ({ value: o.id, label: o.name }))}
          error={errorFor(errors, 'organisationId')}
        />
      )}
      <button type="submit">{t('needs.pledge.submit')}</button>
    </form>
  )
}

/** A need's public page: who asks, what, how far along, where to bring it, and the pledge form. */
export function NeedPage(props: Props) {
  const { ctx, view, errors, notice } = props
  const { t, locale } = ctx
  const { need, organisation } = view
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, need.title, errors)}>
      {notice && <Confirmation text={notice} />}
      <p>
        <a href={`/organisations/${organisation.id}`}>
          {t('needs.page.organisation', { name: organisation.name })}
        </a>
      </p>
      <h1>{need.title}</h1>
      <NeedStatusTag ctx={ctx} status={need.status} />
      {view.role && need.status === 'held' && <HeldNotice ctx={ctx} reasons={need.holdReasons} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <AuthorText text={need.description} />
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">{t('needs.page.progressTitle')}</h2>
        <Progress ctx={ctx} need={need} id="progress-words" />
      </section>
      <ul class="facts">
        {need.deadline && <li>{t('needs.page.deadline', { date: showDay(need.deadline, locale) })}</li>}
        {view.category && <li>{t('needs.page.category', { name: view.category.name })}</li>}
      </ul>
      <section aria-labelledby="drop-title">
        <h2 id="drop-title">{t('needs.page.dropTitle')}</h2>
        <ul>
          {view.dropPoints.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>, {p.address}, {p.communeName}.{' '}
              {t('needs.page.hours', { hours: p.hours })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="pledge-title">
        <h2 id="pledge-title">{t('needs.pledge.title')}</h2>
        <PledgeForm {...props} />
      </section>
      {view.role && (
        <ul class="actions">
          <li>
            <a href={`/besoins/${need.id}/promesses`}>{t('needs.page.pledges')}</a>
          </li>
          {view.role === 'manager' && need.status !== 'closed' && (
            <li>
              <a href={`/besoins/${need.id}/modifier`}>{t('needs.page.manage')}</a>
            </li>
          )}
        </ul>
      )}
    </Layout>
  )
}
