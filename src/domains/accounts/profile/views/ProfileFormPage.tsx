import { CommuneInput } from '../../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../../platform/geo/commune.ts'
import { localised } from '../../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { Choices, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { InterestChoice } from '../interests.ts'
import { DISPLAY_NAME_MAX, frequencies, notificationTypes, RADIUS_OPTIONS } from '../profile.ts'
import { VolunteerFields } from './VolunteerFields.tsx'

/** What the form shows: the saved profile, or exactly what the person sent when it had a problem. */
export interface ProfileFormValues {
  displayName: string
  commune: string
  phone: string
  interests: string[]
  radiusKm: string
  notifications: Record<string, string>
  locale: string
  easyRead: boolean
  availability: string[]
  languages: string[]
  acceptsProposals: boolean
  sms: boolean
}

interface Props {
  ctx: ViewContext
  values: ProfileFormValues
  errors: FieldError[]
  /** the typed commune fits several: the person picks one */
  communeChoices: Commune[]
  /** the territory's active categories, named as it wrote them */
  interestChoices: InterestChoice[]
  /** false when the platform sends no SMS (production without a provider) */
  smsOffered: boolean
}

export function ProfileFormPage({ ctx, values, errors, communeChoices, interestChoices, smsOffered }: Props) {
  const { t } = ctx
  const errorFor = (id: string) => errors.find((e) => e.field === id)?.message
  const title = t('profile.edit.title')
  return (
    <Layout
      ctx={ctx}
      title={errors.length > 0 ? `${t('error.summaryTitle')} – ${title}` : title}
      scripts={['commune-field.js']}
    >
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('profile.edit.intro')}</p>
      <form method="post" action="/compte/profil" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <TextField
          ctx={ctx}
          name="displayName"
          label={t('profile.displayName.label')}
          hint={t('profile.displayName.hint', { max: DISPLAY_NAME_MAX })}
          value={values.displayName}
          error={errorFor('displayName')}
          autocomplete="nickname"
        />
        <CommuneInput
          ctx={ctx}
          label={t('profile.commune.label')}
          hint={t('profile.commune.hint')}
          value={values.commune}
          error={errorFor('commune')}
          choices={communeChoices}
          legend={t('profile.commune.legend')}
        />
        <TextField
          ctx={ctx}
          name="phone"
          type="tel"
          label={t('profile.phone.label')}
          hint={t('profile.phone.hint')}
          value={values.phone}
          error={errorFor('phone')}
          autocomplete="tel"
        />
        <Choices
          ctx={ctx}
          type="checkbox"
          id="interests"
          name="interests"
          legend={t('profile.interests.legend')}
          hint={t('profile.interests.hint')}
          options={interestChoices.map((i) => ({ value: i.slug, label: localised(i.name, ctx.locale) }))}
          checked={values.interests}
          error={errorFor('interests')}
        />
        <Choices
          ctx={ctx}
          type="radio"
          id="radiusKm"
          name="radiusKm"
          legend={t('profile.radius.legend')}
          options={RADIUS_OPTIONS.map((km) => ({
            value: String(km),
            label: t('profile.radius.option', { km }),
          }))}
          checked={[values.radiusKm]}
          error={errorFor('radiusKm')}
        />
        <VolunteerFields ctx={ctx} values={values} errorFor={errorFor} />
        <h2>{t('profile.notifications.title')}</h2>
        {notificationTypes.map(({ type, label }) => (
          <Choices
            key={type}
            ctx={ctx}
            type="radio"
            id={`notify-${type}`}
            name={`notify-${type}`}
            legend={t(label)}
            options={frequencies.map((f) => ({ value: f.value, label: t(f.label) }))}
            checked={[values.notifications[type] ?? '']}
            error={errorFor(`notify-${type}`)}
          />
        ))}
        {smsOffered && (
          <Choices
            ctx={ctx}
            type="checkbox"
            id="sms"
            name="sms"
            legend={t('profile.sms.legend')}
            hint={t('profile.sms.hint')}
            options={[{ value: '1', label: t('profile.sms.label') }]}
            checked={values.sms ? ['1'] : []}
            error={errorFor('sms')}
          />
        )}
        <Choices
          ctx={ctx}
          type="radio"
          id="locale"
          name="locale"
          legend={t('profile.locale.legend')}
          options={[
            { value: 'fr', label: t('profile.locale.fr'), lang: 'fr' },
            { value: 'en', label: t('profile.locale.en'), lang: 'en' },
          ]}
          checked={[values.locale]}
          error={errorFor('locale')}
        />
        <Choices
          ctx={ctx}
          type="checkbox"
          id="easyRead"
          name="easyRead"
          legend={t('profile.easyRead.legend')}
          options={[{ value: '1', label: t('profile.easyRead.label') }]}
          checked={values.easyRead ? ['1'] : []}
        />
        <button type="submit">{t('profile.save')}</button>
      </form>
      <p>
        <a href="/compte">{t('profile.back')}</a>
      </p>
    </Layout>
  )
}
