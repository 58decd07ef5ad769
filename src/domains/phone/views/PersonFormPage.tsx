import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import { PHONE_INPUT_MAX } from '../../../platform/phone-numbers.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import {
  Checkbox,
  Choices,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ADDRESS_MAX, ANSWERED_BY_MAX, CALL_TIMES_MAX, CONSENT_MAX, NAME_MAX } from '../person.ts'
import { linePaths } from './paths.ts'

export interface PersonValues {
  firstName: string
  lastName: string
  phone: string
  commune: string
  address: string
  callTimes: string
  answeredBy: string
  sharedContact: string
  consentWording: string
}

/**
 * A record typed during the call, in the order of the conversation: who, how to reach them, what a
 * volunteer may receive, and the consent read to them last (editing keeps the consent as it was).
 */
export function PersonFormPage(props: {
  ctx: ViewContext
  values: PersonValues
  errors: FieldError[]
  choices: Commune[]
  duplicates: { id: string; firstName: string; lastName: string }[]
  /** the line's number, formatted; null when the territory has none */
  linePhone: string | null
  editing?: { id: string; name: string }
}) {
  const { ctx, values, errors, choices, duplicates, linePhone, editing } = props
  const { t } = ctx
  const title = editing ? t('phone.person.editTitle', { name: editing.name }) : t('phone.person.new')
  const err = (field: string) => errorFor(errors, field)
  const shareOptions = [
    { value: 'own-phone', label: t('phone.shared.ownPhone') },
    ...(linePhone ? [{ value: 'line', label: t('phone.shared.line', { phone: linePhone }) }] : []),
  ]
  const shared = linePhone ? values.sharedContact || 'line' : 'own-phone'
  const sharedError = err('sharedContact')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      <p>
        <a href={editing ? linePaths.person(editing.id) : linePaths.queue}>{t('phone.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {duplicates.length > 0 && (
        <div class="notice">
          <p>{t('phone.person.duplicateIntro')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <a href={`${linePaths.person(d.id)}?motif=check`}>{`${d.firstName} ${d.lastName}`}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={editing ? linePaths.editPerson(editing.id) : linePaths.people} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="firstName"
          label={t('phone.person.firstName')}
          value={values.firstName}
          error={err('firstName')}
          autocomplete="off"
          maxLength={NAME_MAX}
        />
        <TextField
          ctx={ctx}
          name="lastName"
          label={t('phone.person.lastName')}
          value={values.lastName}
          error={err('lastName')}
          autocomplete="off"
          maxLength={NAME_MAX}
        />
        <TextField
          ctx={ctx}
          name="phone"
          type="tel"
          label={t('phone.person.phone')}
          hint={t('phone.person.phoneHint')}
          value={values.phone}
          error={err('phone')}
          autocomplete="off"
          maxLength={PHONE_INPUT_MAX}
        />
        <CommuneInput
          ctx={ctx}
          label={t('phone.person.commune')}
          hint={t('phone.person.communeHint')}
          value={values.commune}
          error={err('commune')}
          choices={choices}
        />
        <TextField
          ctx={ctx}
          name="address"
          label={t('phone.person.address')}
          hint={t('phone.person.optional', { max: ADDRESS_MAX })}
          value={values.address}
          error={err('address')}
          autocomplete="off"
        />
        <TextField
          ctx={ctx}
          name="callTimes"
          label={t('phone.person.callTimes')}
          hint={t('phone.person.callTimesHint', { max: CALL_TIMES_MAX })}
          value={values.callTimes}
          error={err('callTimes')}
          autocomplete="off"
        />
        <TextField
          ctx={ctx}
          name="answeredBy"
          label={t('phone.person.answeredBy')}
          hint={t('phone.person.answeredByHint', { max: ANSWERED_BY_MAX })}
          value={values.answeredBy}
          error={err('answeredBy')}
          autocomplete="off"
        />
        <Choices
          ctx={ctx}
          id="sharedContact"
          name="sharedContact"
          type="radio"
          legend={t('phone.shared.legend')}
          hint={linePhone ? t('phone.shared.hint') : t('phone.shared.noLine')}
          {...(sharedError ? { error: sharedError } : {})}
          options={shareOptions}
          checked={[shared]}
        />
        {!editing && (
          <TextArea
            ctx={ctx}
            name="consentWording"
            label={t('phone.consent.label')}
            hint={t('phone.consent.hint', { max: CONSENT_MAX })}
            value={values.consentWording}
            error={err('consentWording')}
          />
        )}
        {duplicates.length > 0 && (
          <Checkbox
            ctx={ctx}
            name="confirmDuplicate"
            label={t('phone.person.confirmDuplicate')}
            checked={false}
            error={err('confirmDuplicate')}
          />
        )}
        <button type="submit">{editing ? t('phone.person.save') : t('phone.person.create')}</button>
      </form>
    </Layout>
  )
}
