import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { localDay } from '../../../platform/views/format.ts'
import { DateField, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { CurrentVerification } from '../current-verifications.ts'
import { lastDayOf, NOTE_MAX } from '../volunteer.ts'

export const VOLUNTEERS_PATH = '/administration/benevoles-verifies'

export interface VerifyFormValues {
  email: string
  until: string
  note: string
}

export const emptyVerifyForm: VerifyFormValues = { email: '', until: '', note: '' }

interface Props {
  ctx: ViewContext
  verifications: CurrentVerification[]
  values: VerifyFormValues
  errors: FieldError[]
  notice?: string | undefined
}

/** Who is verified now, and the form to verify someone by the address of their account. */
export function VolunteersPage({ ctx, verifications, values, errors, notice }: Props) {
  const { t, locale } = ctx
  const title = t('volunteer.admin.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <p>{t('volunteer.admin.intro')}</p>
      {verifications.length === 0 ? (
        <p class="notice">{t('volunteer.list.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('volunteer.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('volunteer.col.name')}</th>
                <th scope="col">{t('volunteer.col.email')}</th>
                <th scope="col">{t('volunteer.col.by')}</th>
                <th scope="col">{t('volunteer.col.on')}</th>
                <th scope="col">{t('volunteer.col.until')}</th>
                <th scope="col">{t('volunteer.col.note')}</th>
                <th scope="col">{t('volunteer.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {verifications.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.displayName}</th>
                  <td>{v.email}</td>
                  <td>{v.verifiedByName ?? t('volunteer.byCommandLine')}</td>
                  <td>{localDay(v.verifiedAt, locale)}</td>
                  <td>{localDay(lastDayOf(v.expiresAt), locale)}</td>
                  <td>{v.note ?? ''}</td>
                  <td>
                    <ActionButton
                      ctx={ctx}
                      action={`${VOLUNTEERS_PATH}/${v.id}/retirer`}
                      label={t('volunteer.revoke')}
                      which={v.displayName}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('volunteer.form.title')}</h2>
      <form method="post" action={VOLUNTEERS_PATH} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('volunteer.email.label')}
          hint={t('volunteer.email.hint', { platform: ctx.territory?.platformName ?? '' })}
          error={errorFor(errors, 'email')}
          value={values.email}
          autocomplete="off"
        />
        <DateField
          ctx={ctx}
          name="until"
          label={t('volunteer.until.label')}
          hint={t('volunteer.until.hint')}
          error={errorFor(errors, 'until')}
          value={values.until}
        />
        <TextArea
          ctx={ctx}
          name="note"
          label={t('volunteer.note.label')}
          hint={t('volunteer.note.hint', { max: NOTE_MAX })}
          error={errorFor(errors, 'note')}
          value={values.note}
        />
        <button type="submit">{t('volunteer.form.submit')}</button>
      </form>
    </Layout>
  )
}
