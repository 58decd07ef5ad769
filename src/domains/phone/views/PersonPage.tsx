import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { formatPhone, phoneHref } from '../../../platform/phone-numbers.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { CaseRow } from '../case.repository.ts'
import { originKeys, outcomeKeys, withdrawalReasonKeys, withdrawalReasons } from '../case.ts'
import type { PersonRow } from '../person.repository.ts'
import { linePaths } from './paths.ts'

/** A person's record as agents read it: contacts, how to call, the consent, the cases, the actions. */
export function PersonPage(props: {
  ctx: ViewContext
  person: PersonRow
  communeName: string
  consentByName: string | null
  /** the agent who recorded the agreement to SMS; null when there is none or they left */
  smsByName: string | null
  /** false when the platform sends no SMS (production without a provider) */
  smsOffered: boolean
  linkedAccountName: string | null
  cases: CaseRow[]
  errors: FieldError[]
  values: { email?: string; reason?: string; smsConsentWording?: string }
  notice?: string | undefined
}) {
  const { ctx, person, communeName, consentByName, linkedAccountName, cases, errors, values, notice } = props
  const { smsByName, smsOffered } = props
  const { t, locale } = ctx
  const name = `${person.firstName} ${person.lastName}`
  const dash = t('phone.none')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, name, errors)}>
      {notice && <Confirmation text={notice} />}
      <p>
        <a href={linePaths.queue}>{t('phone.back')}</a>
      </p>
      <h1>{name}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        <a class="button" href={linePaths.newAsk(person.id)}>
          {t('phone.ask.new')}
        </a>{' '}
        <a href={linePaths.editPerson(person.id)}>{t('phone.person.edit')}</a>
      </p>
      <dl class="phone-record">
        <dt>{t('phone.person.phone')}</dt>
        <dd>
          <a href={phoneHref(person.phone)}>{formatPhone(person.phone)}</a>
        </dd>
        <dt>{t('phone.person.commune')}</dt>
        <dd>{communeName}</dd>
        <dt>{t('phone.person.address')}</dt>
        <dd>{person.address ?? dash}</dd>
        <dt>{t('phone.person.callTimes')}</dt>
        <dd>{person.callTimes ?? dash}</dd>
        <dt>{t('phone.person.answeredBy')}</dt>
        <dd>{person.answeredBy ?? dash}</dd>
        <dt>{t('phone.shared.legend')}</dt>
        <dd>{person.sharedContact === 'line' ? t('phone.shared.lineShort') : t('phone.shared.ownPhone')}</dd>
        <dt>{t('phone.consent.given')}</dt>
        <dd>
          {t('phone.consent.when', {
            date: formatDateTime(person.consentAt, locale),
            agent: consentByName ?? t('phone.consent.unknownAgent'),
          })}
          <blockquote>
            <p>{person.consentWording}</p>
          </blockquote>
        </dd>
        <dt>{t('phone.account.label')}</dt>
        <dd>
          {linkedAccountName
            ? t('phone.account.linked', { name: linkedAccountName })
            : t('phone.account.none')}
        </dd>
      </dl>
      <section aria-labelledby="cases-title">
        <h2 id="cases-title">{t('phone.person.cases', { count: cases.length })}</h2>
        {cases.length === 0 ? (
          <p>{t('phone.person.noCase')}</p>
        ) : (
          <ul>
            {cases.map((c) => (
              <li key={c.id}>
                <a href={linePaths.case(c.id)}>{c.summary}</a> · {t(originKeys[c.origin])} ·{' '}
                {c.status === 'open'
                  ? t('phone.case.open')
                  : t('phone.case.closedWith', { outcome: t(outcomeKeys[c.outcome ?? 'other']) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {smsOffered && (
        <SmsSection
          ctx={ctx}
          person={person}
          byName={smsByName}
          errors={errors}
          value={values.smsConsentWording}
        />
      )}
      {!linkedAccountName && (
        <section aria-labelledby="link-title">
          <h2 id="link-title">{t('phone.account.title')}</h2>
          <form method="post" action={linePaths.link(person.id)} novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              ctx={ctx}
              name="email"
              type="email"
              label={t('phone.account.email')}
              hint={t('phone.account.hint')}
              value={values.email ?? ''}
              error={errorFor(errors, 'email')}
              autocomplete="off"
            />
            <button type="submit">{t('phone.account.submit')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="withdraw-title">
        <h2 id="withdraw-title">{t('phone.withdraw.title')}</h2>
        <p>{t('phone.withdraw.intro')}</p>
        <form method="post" action={linePaths.withdraw(person.id)} novalidate>
          <CsrfField ctx={ctx} />
          <Select
            ctx={ctx}
            name="reason"
            label={t('phone.withdraw.reason')}
            placeholder={t('phone.withdraw.choose')}
            options={withdrawalReasons.map((r) => ({ value: r, label: t(withdrawalReasonKeys[r]) }))}
            value={values.reason ?? ''}
            error={errorFor(errors, 'reason')}
          />
          <button type="submit" class="warning">
            {t('phone.withdraw.submit')}
          </button>
        </form>
      </section>
    </Layout>
  )
}

/** The person's agreement to SMS: as recorded, then the form to record it (again) or end it. */
function SmsSection(props: {
  ctx: ViewContext
  person: PersonRow
  byName: string | null
  errors: FieldError[]
  value: string | undefined
}) {
  const { ctx, person, byName, errors, value } = props
  const { t, locale } = ctx
  return (
    <section aria-labelledby="sms-title">
      <h2 id="sms-title">{t('phone.sms.title')}</h2>
      {person.smsConsentAt ? (
        <>
          <p>
            {t('phone.sms.given', {
              date: formatDateTime(person.smsConsentAt, locale),
              agent: byName ?? t('phone.consent.unknownAgent'),
            })}
          </p>
          <blockquote>
            <p>{person.smsConsentWording}</p>
          </blockquote>
          <ActionButton ctx={ctx} action={linePaths.smsWithdraw(person.id)} label={t('phone.sms.withdraw')} />
        </>
      ) : (
        <>
          <p>{t('phone.sms.none')}</p>
          <p>{t('phone.sms.intro')}</p>
          <form method="post" action={linePaths.sms(person.id)} novalidate>
            <CsrfField ctx={ctx} />
            <TextArea
              ctx={ctx}
              name="smsConsentWording"
              label={t('phone.sms.label')}
              hint={t('phone.sms.hint')}
              value={value ?? t('phone.sms.defaultWording')}
              error={errorFor(errors, 'smsConsentWording')}
            />
            <button type="submit">{t('phone.sms.submit')}</button>
          </form>
        </>
      )}
    </section>
  )
}
