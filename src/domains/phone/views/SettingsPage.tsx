import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { DELAY_MAX_HOURS, DELAY_MIN_HOURS } from '../case.ts'
import { CONSENT_MAX } from '../person.ts'
import { linePaths } from './paths.ts'

/** The line's two settings, for administrators: when a case without a response rises, the consent read. */
export function SettingsPage(props: {
  ctx: ViewContext
  values: { delay: string; consentWording: string }
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { ctx, values, errors, notice } = props
  const { t } = ctx
  const title = t('phone.settings.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <p>
        <a href={linePaths.queue}>{t('phone.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={linePaths.settings} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="delay"
          label={t('phone.settings.delay')}
          hint={t('phone.settings.delayHint', { min: DELAY_MIN_HOURS, max: DELAY_MAX_HOURS })}
          value={values.delay}
          error={errorFor(errors, 'delay')}
          spellcheck={false}
        />
        <TextArea
          ctx={ctx}
          name="consentWording"
          label={t('phone.settings.consent')}
          hint={t('phone.settings.consentHint', { max: CONSENT_MAX })}
          value={values.consentWording}
          error={errorFor(errors, 'consentWording')}
        />
        <button type="submit">{t('phone.settings.save')}</button>
      </form>
    </Layout>
  )
}
