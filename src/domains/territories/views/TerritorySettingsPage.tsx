import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { TerritoryNameForms } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ActionButton, CsrfField, errorFor, TextField } from '../../../platform/views/fields.tsx'
import { SettingsPage } from '../../../platform/views/SettingsPage.tsx'
import {
  FORM_MAX,
  type NameFormKey,
  type SettingsField,
  type SettingsInput,
  TEXT_MAX,
  URL_MAX,
} from '../territory-settings.ts'
import { ACCEPTED_IMAGE_TYPES, LogoField } from './LogoField.tsx'

export const SETTINGS_PATH = '/administration/territoire'

/** Each field's label and hint, in the order of the form. */
export const SETTINGS_LABELS: Record<SettingsField, { label: MessageKey; hint?: MessageKey }> = {
  institutionUrl: { label: 'settings.field.institutionUrl', hint: 'settings.field.institutionUrl.hint' },
  area: { label: 'settings.field.area' },
  areaOf: { label: 'settings.field.areaOf' },
  areaIn: { label: 'settings.field.areaIn' },
  institution: { label: 'settings.field.institution' },
  institutionOf: { label: 'settings.field.institutionOf' },
  institutionTo: { label: 'settings.field.institutionTo' },
  publisherAddress: { label: 'settings.field.publisherAddress' },
  publicationDirector: { label: 'settings.field.publicationDirector' },
  hostName: { label: 'settings.field.hostName' },
  hostAddress: { label: 'settings.field.hostAddress' },
  dpoContact: { label: 'settings.field.dpoContact', hint: 'settings.field.dpoContact.hint' },
  retentionAccounts: { label: 'settings.field.retentionAccounts', hint: 'settings.field.retention.hint' },
  retentionListings: { label: 'settings.field.retentionListings', hint: 'settings.field.retention.hint' },
  retentionMessages: { label: 'settings.field.retentionMessages', hint: 'settings.field.retention.hint' },
  retentionPhone: { label: 'settings.field.retentionPhone', hint: 'settings.field.retention.hint' },
  statementDate: { label: 'settings.field.statementDate', hint: 'settings.field.date.hint' },
  auditDate: { label: 'settings.field.auditDate', hint: 'settings.field.auditDate.hint' },
  auditRate: { label: 'settings.field.auditRate' },
  auditor: { label: 'settings.field.auditor' },
  derogations: { label: 'settings.field.derogations' },
  smsDailyCap: { label: 'settings.field.smsDailyCap', hint: 'settings.field.smsDailyCap.hint' },
}

const SECTIONS: { legend: MessageKey; hint?: MessageKey; fields: SettingsField[] }[] = [
  { legend: 'settings.section.institution', fields: ['institutionUrl'] },
  {
    legend: 'settings.section.names',
    hint: 'settings.section.names.hint',
    fields: ['area', 'areaOf', 'areaIn', 'institution', 'institutionOf', 'institutionTo'],
  },
  {
    legend: 'settings.section.legal',
    fields: ['publisherAddress', 'publicationDirector', 'hostName', 'hostAddress'],
  },
  {
    legend: 'settings.section.privacy',
    fields: ['dpoContact', 'retentionAccounts', 'retentionListings', 'retentionMessages', 'retentionPhone'],
  },
  {
    legend: 'settings.section.accessibility',
    fields: ['statementDate', 'auditDate', 'auditRate', 'auditor', 'derogations'],
  },
  { legend: 'settings.section.sms', fields: ['smsDailyCap'] },
]

interface Props {
  ctx: ViewContext
  values: SettingsInput
  errors: FieldError[]
  /** the forms in use, shown beside the fields left empty */
  forms: TerritoryNameForms
  /** the stored logo's address, when there is one */
  logoUrl: string | null
  logoErrors: FieldError[]
  notice?: string | undefined
  /** today's SMS sent and held back by the cap (Paris day) */
  smsToday: { sent: number; held: number }
}

const isForm = (field: SettingsField): field is NameFormKey =>
  ['area', 'areaOf', 'areaIn', 'institution', 'institutionOf', 'institutionTo'].includes(field)

/** The settings form, then the logo's own form: a file goes as multipart, the settings do not. */
export function TerritorySettingsPage(props: Props) {
  const { ctx, values, errors, forms, logoUrl, logoErrors, notice, smsToday } = props
  const { t } = ctx
  return (
    <SettingsPage
      ctx={ctx}
      title={t('settings.title')}
      back={{ href: '/administration', label: t('admin.back') }}
      errors={[...errors, ...logoErrors]}
      notice={notice}
      intro={<p>{t('settings.intro')}</p>}
      action={SETTINGS_PATH}
      submit={t('settings.submit')}
      footer={<LogoSection ctx={ctx} logoUrl={logoUrl} errors={logoErrors} />}
    >
      {SECTIONS.map((section) => (
        <fieldset key={section.legend}>
          <legend>{t(section.legend)}</legend>
          {section.hint && <p class="hint">{t(section.hint)}</p>}
          {section.legend === 'settings.section.sms' && (
            <p>{t('settings.sms.today', { sent: smsToday.sent, held: smsToday.held })}</p>
          )}
          {section.fields.map((field) => {
            const { label, hint } = SETTINGS_LABELS[field]
            const inUse = isForm(field) ? t('settings.current', { form: forms[field] }) : undefined
            return (
              <TextField
                key={field}
                ctx={ctx}
                name={field}
                label={t(label)}
                hint={[hint && t(hint), inUse].filter(Boolean).join(' ') || undefined}
                value={values[field]}
                error={errorFor(errors, field)}
                maxLength={
                  field === 'institutionUrl'
                    ? URL_MAX
                    : isForm(field)
                      ? FORM_MAX
                      : field === 'smsDailyCap'
                        ? 7
                        : TEXT_MAX
                }
              />
            )
          })}
        </fieldset>
      ))}
    </SettingsPage>
  )
}

function LogoSection({
  ctx,
  logoUrl,
  errors,
}: {
  ctx: ViewContext
  logoUrl: string | null
  errors: FieldError[]
}) {
  const { t, territory } = ctx
  return (
    <section aria-labelledby="logo-title">
      <h2 id="logo-title">{t('settings.logo.title')}</h2>
      <p>{t('settings.logo.intro')}</p>
      <h3>{t('settings.logo.current')}</h3>
      {logoUrl ? (
        <p>
          <img class="organisation-logo-large" src={logoUrl} alt={territory?.officialName ?? ''} />
        </p>
      ) : (
        <p>{t('settings.logo.none')}</p>
      )}
      <form method="post" action={`${SETTINGS_PATH}/logo`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <LogoField
          ctx={ctx}
          label={t('settings.logo.field')}
          error={errorFor(errors, 'logo')}
          accept={ACCEPTED_IMAGE_TYPES}
        />
        <button type="submit">{t('settings.logo.submit')}</button>
      </form>
      {logoUrl && (
        <ActionButton ctx={ctx} action={`${SETTINGS_PATH}/logo/retirer`} label={t('settings.logo.remove')} />
      )}
    </section>
  )
}
