import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  Checkbox,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { callFrequencies, type RegistrantKind } from '../calls.schema.ts'
import { callLanguages, TIMES_MAX, TOPICS_MAX } from '../calls.ts'
import { FREQUENCY_LABEL, LANGUAGE_NAME } from './parts.tsx'

/** What the form shows again after an error, as typed. */
export interface RegisterValues {
  firstName: string
  lastName: string
  phone: string
  commune: string
  frequency: string
  preferredTimes: string
  topics: string
  language: string
  consent: boolean
  consentWording: string
  mayorRegister: boolean
}

export const emptyRegister: RegisterValues = {
  firstName: '',
  lastName: '',
  phone: '',
  commune: '',
  frequency: 'weekly',
  preferredTimes: '',
  topics: '',
  language: 'fr',
  consent: false,
  consentWording: '',
  mayorRegister: false,
}

const TITLE = {
  self: 'calls.register.selfTitle',
  relative: 'calls.register.relativeTitle',
  agent: 'calls.register.agentTitle',
} as const

/**
 * One form for the three ways of registering: for oneself, for a relative who agreed, or by an
 * agent on the phone. The opt-in to the mayor's register is separate and never ticked in advance.
 */
export function RegisterPage({
  ctx,
  kind,
  action,
  values,
  errors,
  notice,
}: {
  ctx: ViewContext
  kind: RegistrantKind
  action: string
  values: RegisterValues
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { t } = ctx
  const err = (field: string) => errorFor(errors, field)
  const title = t(TITLE[kind])
  const self = kind === 'self'
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p>
        {t(
          self
            ? 'calls.register.selfIntro'
            : kind === 'relative'
              ? 'calls.register.relativeIntro'
              : 'calls.register.agentIntro',
        )}
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t(self ? 'calls.register.aboutYou' : 'calls.register.aboutPerson')}</legend>
          <TextField
            ctx={ctx}
            name="firstName"
            label={t('calls.register.firstName')}
            value={values.firstName}
            error={err('firstName')}
            autocomplete={self ? 'given-name' : 'off'}
          />
          <TextField
            ctx={ctx}
            name="lastName"
            label={t('calls.register.lastName')}
            value={values.lastName}
            error={err('lastName')}
            autocomplete={self ? 'family-name' : 'off'}
          />
          <TextField
            ctx={ctx}
            name="phone"
            type="tel"
            label={t('calls.register.phone')}
            hint={t(self ? 'calls.register.phoneHintSelf' : 'calls.register.phoneHint')}
            value={values.phone}
            error={err('phone')}
            autocomplete={self ? 'tel' : 'off'}
          />
          <CommuneInput
            ctx={ctx}
            label={t('calls.register.commune')}
            hint={t('calls.register.communeHint')}
            value={values.commune}
            error={err('commune')}
            choices={[]}
          />
        </fieldset>
        <fieldset>
          <legend>{t('calls.register.aboutCalls')}</legend>
          <Select
            ctx={ctx}
            name="frequency"
            label={t('calls.register.frequency')}
            placeholder={t('calls.register.frequencyPlaceholder')}
            value={values.frequency}
            error={err('frequency')}
            options={callFrequencies.map((f) => ({ value: f, label: t(FREQUENCY_LABEL[f]) }))}
          />
          <TextField
            ctx={ctx}
            name="preferredTimes"
            label={t('calls.register.times')}
            hint={t('calls.register.timesHint', { max: TIMES_MAX })}
            value={values.preferredTimes}
            error={err('preferredTimes')}
          />
          <TextField
            ctx={ctx}
            name="topics"
            label={t('calls.register.topics')}
            hint={t('calls.register.topicsHint', { max: TOPICS_MAX })}
            value={values.topics}
            error={err('topics')}
          />
          <Select
            ctx={ctx}
            name="language"
            label={t('calls.register.language')}
            placeholder={t('calls.register.languagePlaceholder')}
            value={values.language}
            error={err('language')}
            options={callLanguages.map((l) => ({ value: l, label: LANGUAGE_NAME[l] ?? l }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('calls.register.consentLegend')}</legend>
          {kind === 'agent' ? (
            <TextArea
              ctx={ctx}
              name="consentWording"
              label={t('calls.register.consentWording')}
              hint={t('calls.register.consentWordingHint')}
              value={values.consentWording}
              error={err('consentWording')}
            />
          ) : (
            <>
              <p class="consent-text">
                {t(self ? 'calls.register.consentSelf' : 'calls.register.consentRelative')}
              </p>
              <Checkbox
                ctx={ctx}
                name="consent"
                label={t(self ? 'calls.register.consentTickSelf' : 'calls.register.consentTickRelative')}
                checked={values.consent}
                error={err('consent')}
              />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('calls.register.mayorLegend')}</legend>
          <p>{t('calls.register.mayorExplain')}</p>
          <Checkbox
            ctx={ctx}
            name="mayorRegister"
            label={t('calls.register.mayorWording')}
            checked={values.mayorRegister}
          />
          <p class="hint">{t('calls.register.neverMerged')}</p>
        </fieldset>
        <button type="submit">{t('calls.register.submit')}</button>
      </form>
    </Layout>
  )
}
