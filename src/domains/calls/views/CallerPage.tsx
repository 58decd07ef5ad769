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
import { Layout } from '../../../platform/views/Layout.tsx'
import type { PairedPerson } from '../caller.service.ts'
import type { CallerAccess } from '../caller-access.ts'
import { CALLER_COMMUNES_MAX, CAPACITY_MAX, callLanguages, TIMES_MAX } from '../calls.ts'
import type { CampaignRow } from '../campaign.repository.ts'
import { LANGUAGE_NAME } from './parts.tsx'

export interface CallerValues {
  languages: string[]
  communes: string
  availability: string
  capacity: string
}

/** Why a person may not call: the page says it in words instead of a bare « forbidden ». */
export function CallerBlocked({ ctx, why }: { ctx: ViewContext; why: string }) {
  const { t } = ctx
  const lapsed = why === 'caller-lapsed'
  return (
    <Layout ctx={ctx} title={t(lapsed ? 'calls.blocked.lapsedTitle' : 'calls.blocked.title')}>
      <h1>{t(lapsed ? 'calls.blocked.lapsedTitle' : 'calls.blocked.title')}</h1>
      <p>{t(lapsed ? 'calls.blocked.lapsed' : 'calls.blocked.unverified')}</p>
      <p>
        <a href="/appels-de-convivialite">{t('calls.blocked.back')}</a>
      </p>
    </Layout>
  )
}

/** The caller's page: sign up (or change one's answers), the people paired, the running campaigns. */
export function CallerPage({
  ctx,
  access,
  people,
  campaigns,
  values,
  errors,
  notice,
}: {
  ctx: ViewContext
  access: CallerAccess
  people: PairedPerson[]
  campaigns: CampaignRow[]
  values: CallerValues
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { t } = ctx
  if (access.kind === 'unverified' || access.kind === 'lapsed')
    return <CallerBlocked ctx={ctx} why={`caller-${access.kind}`} />
  const title = t('calls.caller.title')
  const err = (field: string) => errorFor(errors, field)
  const isCaller = access.kind === 'caller'
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      {isCaller && (
        <>
          <h2>{t('calls.caller.people')}</h2>
          {people.length === 0 && <p>{t('calls.caller.noPeople')}</p>}
          <ul class="results">
            {people.map(({ registration, person }) => (
              <li key={registration.id}>
                <a href={`/appels-de-convivialite/personnes/${registration.id}`}>
                  {person.firstName} {person.lastName}
                </a>
                {registration.preferredTimes && <span class="hint">{registration.preferredTimes}</span>}
              </li>
            ))}
          </ul>
          <h2>{t('calls.caller.campaigns')}</h2>
          {campaigns.length === 0 && <p>{t('calls.caller.noCampaigns')}</p>}
          <ul class="results">
            {campaigns.map((c) => (
              <li key={c.id}>
                <a href={`/appels-de-convivialite/campagnes/${c.id}`}>{c.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t(isCaller ? 'calls.caller.change' : 'calls.caller.signUp')}</h2>
      {!isCaller && <p>{t('calls.caller.intro')}</p>}
      <form method="post" action="/appels-de-convivialite/appelant" novalidate>
        <CsrfField ctx={ctx} />
        <Choices
          ctx={ctx}
          id="languages"
          name="languages"
          type="checkbox"
          legend={t('calls.caller.languages')}
          error={err('languages')}
          options={callLanguages.map((l) => ({ value: l, label: LANGUAGE_NAME[l] ?? l, lang: l }))}
          checked={values.languages}
        />
        <TextField
          ctx={ctx}
          name="communes"
          label={t('calls.caller.communes')}
          hint={t('calls.caller.communesHint', { max: CALLER_COMMUNES_MAX })}
          value={values.communes}
          error={err('communes')}
        />
        <TextField
          ctx={ctx}
          name="availability"
          label={t('calls.caller.availability')}
          hint={t('calls.caller.availabilityHint', { max: TIMES_MAX })}
          value={values.availability}
          error={err('availability')}
        />
        <TextField
          ctx={ctx}
          name="capacity"
          label={t('calls.caller.capacity')}
          hint={t('calls.caller.capacityHint', { max: CAPACITY_MAX })}
          value={values.capacity}
          error={err('capacity')}
        />
        <button type="submit">{t(isCaller ? 'calls.caller.save' : 'calls.caller.submit')}</button>
      </form>
    </Layout>
  )
}
