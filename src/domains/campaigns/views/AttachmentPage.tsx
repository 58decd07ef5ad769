import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
} from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { Campaign } from '../campaign-access.ts'
import { fileSize } from './parts.tsx'

export const FILE_FIELD = 'file'

interface Props {
  ctx: ViewContext
  campaign: Campaign
  attachment: { fileName: string; mediaType: string; size: number } | null
  errors: FieldError[]
  notice?: string | undefined
}

/** The specification's file: a PDF, or an image the platform re-encodes. The token goes before the file. */
export function AttachmentPage({ ctx, campaign, attachment, errors, notice }: Props) {
  const { t, locale } = ctx
  const base = `/collectes/${campaign.id}/gestion/piece-jointe`
  const title = t('supply.file.title', { title: campaign.title })
  const error = errorFor(errors, FILE_FIELD)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {attachment ? (
        <p>
          {t('supply.file.current')}{' '}
          <a href={`/collectes/${campaign.id}/cahier-des-charges`}>{attachment.fileName}</a> (
          {fileSize(attachment.size, locale)})
        </p>
      ) : (
        <p>{t('supply.file.none')}</p>
      )}
      <form method="post" action={base} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class={error ? 'field field-error' : 'field'}>
          <label for={FILE_FIELD}>{t('supply.file.label')}</label>
          <span id={`${FILE_FIELD}-hint`} class="hint">
            {t('supply.file.hint')}
          </span>
          {error && (
            <span id={`${FILE_FIELD}-error`} class="error-message">
              <span class="visually-hidden">{t('commune.field.errorPrefix')} </span>
              {error}
            </span>
          )}
          <input
            type="file"
            id={FILE_FIELD}
            name={FILE_FIELD}
            accept="application/pdf,image/jpeg,image/png,image/webp,image/gif"
            aria-describedby={error ? `${FILE_FIELD}-hint ${FILE_FIELD}-error` : `${FILE_FIELD}-hint`}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">{t('supply.file.submit')}</button>
      </form>
      {attachment && <ActionButton ctx={ctx} action={`${base}/retirer`} label={t('supply.file.remove')} />}
      <p>
        <a href={`/collectes/${campaign.id}/gestion`}>{t('supply.manage.back')}</a>
      </p>
    </Layout>
  )
}
