import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ActionButton, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { OrganisationRef } from '../membership.repository.ts'
import { logoUrl } from '../organisation-directory.service.ts'

interface Props {
  ctx: ViewContext
  organisation: OrganisationRef
  /** the stored logo's hash, when there is one */
  etag: string | null
  errors: FieldError[]
}

export const ACCEPTED_TYPES = 'image/jpeg,image/png,image/webp,image/gif'

/**
 * The upload form. Its token comes first in the form, so that the browser sends it before the
 * file: the server checks it before reading a byte of the file.
 */
export function LogoFormPage({ ctx, organisation, etag, errors }: Props) {
  const { t } = ctx
  const title = t('organisationLogo.title', { name: organisation.name })
  const error = errorFor(errors, 'logo')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <h1>{title}</h1>
      <p>{t('organisationLogo.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('organisationLogo.current')}</h2>
      {etag ? (
        <p>
          <img class="organisation-logo-large" src={logoUrl(organisation.id, etag)} alt={title} />
        </p>
      ) : (
        <p>{t('organisationLogo.none')}</p>
      )}
      <form method="post" action={`/organisations/${organisation.id}/logo`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class={error ? 'field field-error' : 'field'}>
          <label for="logo">{t('organisationLogo.field')}</label>
          {error && (
            <span id="logo-error" class="error-message">
              <span class="visually-hidden">{t('commune.field.errorPrefix')} </span>
              {error}
            </span>
          )}
          <input
            type="file"
            id="logo"
            name="logo"
            accept={ACCEPTED_TYPES}
            aria-describedby={error ? 'logo-error' : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">{t('organisationLogo.submit')}</button>
      </form>
      {etag && (
        <ActionButton
          ctx={ctx}
          action={`/organisations/${organisation.id}/logo/retirer`}
          label={t('organisationLogo.remove')}
        />
      )}
      <p>
        <a href={`/organisations/${organisation.id}`}>{t('organisationLogo.back')}</a>
      </p>
    </Layout>
  )
}
