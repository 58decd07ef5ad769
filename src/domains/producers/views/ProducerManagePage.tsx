import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Choices,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { OrganisationRef } from '../../organisations/index.ts'
import type { Place, Product } from '../producer.repository.ts'
import { producerLabels } from '../producer.schema.ts'
import { PHOTO_ALT_MAX, PHOTOS_MAX } from '../producer.ts'
import type { PhotoRef } from '../producer-photo.repository.ts'
import { FAMILY_LABEL, MODE_LABEL, QUALITY_LABEL } from './labels.ts'
import { hoursText, photoUrl, seasonText } from './words.ts'

interface Props {
  ctx: ViewContext
  organisation: OrganisationRef
  presentation: string
  labels: string[]
  products: Product[]
  places: (Place & { communeName: string })[]
  photos: PhotoRef[]
  errors: FieldError[]
  notice?: string | undefined
}

/** Everything a producer's managers change, on one page; each part is its own form, working without JavaScript. */
export function ProducerManagePage(props: Props) {
  const { ctx, organisation: o, products, places, photos, errors, notice } = props
  const { t } = ctx
  const base = `/organisations/${o.id}/producteur`
  const title = t('producers.manage.title', { name: o.name })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <p>{t('producers.manage.intro')}</p>
      <p>
        <a href={`/producteurs/${o.id}`}>{t('producers.manage.publicPage')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />

      <h2>{t('producers.manage.profile')}</h2>
      <form method="post" action={base}>
        <CsrfField ctx={ctx} />
        <TextArea
          ctx={ctx}
          name="presentation"
          label={t('producers.manage.presentation')}
          hint={t('producers.manage.presentationHint')}
          value={props.presentation}
          error={errorFor(errors, 'presentation')}
        />
        <Choices
          ctx={ctx}
          id="labels"
          name="labels"
          type="checkbox"
          legend={t('producers.manage.labels')}
          {...(errorFor(errors, 'labels') ? { error: errorFor(errors, 'labels')! } : {})}
          options={producerLabels.map((l) => ({ value: l, label: t(QUALITY_LABEL[l]) }))}
          checked={props.labels}
        />
        <button type="submit">{t('producers.manage.saveProfile')}</button>
      </form>

      <h2>{t('producers.manage.products')}</h2>
      {products.length === 0 && <p>{t('producers.manage.noProducts')}</p>}
      <ul class="producer-items">
        {products.map((p, i) => (
          <li key={p.id}>
            <strong>{p.name}</strong> – {t(FAMILY_LABEL[p.family])}, {seasonText(ctx, p.months)}
            <div class="actions">
              <a href={`${base}/produits/${p.id}`}>
                {t('producers.manage.edit')}
                <span class="visually-hidden"> {p.name}</span>
              </a>
              {i > 0 && (
                <ActionButton
                  ctx={ctx}
                  action={`${base}/produits/${p.id}/monter`}
                  label={t('producers.manage.up')}
                  which={p.name}
                />
              )}
              {i < products.length - 1 && (
                <ActionButton
                  ctx={ctx}
                  action={`${base}/produits/${p.id}/descendre`}
                  label={t('producers.manage.down')}
                  which={p.name}
                />
              )}
              <ActionButton
                ctx={ctx}
                action={`${base}/produits/${p.id}/retirer`}
                label={t('producers.manage.remove')}
                which={p.name}
              />
            </div>
          </li>
        ))}
      </ul>
      <p>
        <a href={`${base}/produits/nouveau`}>{t('producers.manage.addProduct')}</a>
      </p>

      <h2>{t('producers.manage.places')}</h2>
      {places.length === 0 && <p>{t('producers.manage.noPlaces')}</p>}
      <ul class="producer-items">
        {places.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> – {t(MODE_LABEL[p.mode])}, {p.communeName}
            <br />
            {p.hours.length === 0 ? t('producers.place.noHours') : hoursText(ctx, p.hours)}
            <div class="actions">
              <a href={`${base}/lieux/${p.id}`}>
                {t('producers.manage.edit')}
                <span class="visually-hidden"> {p.name}</span>
              </a>
              <ActionButton
                ctx={ctx}
                action={`${base}/lieux/${p.id}/retirer`}
                label={t('producers.manage.remove')}
                which={p.name}
              />
            </div>
          </li>
        ))}
      </ul>
      <p>
        <a href={`${base}/lieux/nouveau`}>{t('producers.manage.addPlace')}</a>
      </p>

      <h2>{t('producers.manage.photos')}</h2>
      <ul class="producer-photos">
        {photos.map((p) => (
          <li key={p.id}>
            <img src={photoUrl(o.id, p)} alt={p.alt} width={Math.min(p.width, 240)} />
            <ActionButton
              ctx={ctx}
              action={`${base}/photos/${p.id}/retirer`}
              label={t('producers.manage.remove')}
              which={p.alt}
            />
          </li>
        ))}
      </ul>
      {photos.length < PHOTOS_MAX && (
        <form method="post" action={`${base}/photos`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            name="alt"
            label={t('producers.manage.alt')}
            hint={t('producers.manage.altHint')}
            error={errorFor(errors, 'alt')}
            maxLength={PHOTO_ALT_MAX}
          />
          <div class={errorFor(errors, 'photo') ? 'field field-error' : 'field'}>
            <label for="photo">{t('producers.manage.photo')}</label>
            <span id="photo-hint" class="hint">
              {t('producers.manage.photosHint', { max: PHOTOS_MAX })}
            </span>
            {errorFor(errors, 'photo') && (
              <span id="photo-error" class="error-message">
                <span class="visually-hidden">{t('commune.field.errorPrefix')} </span>
                {errorFor(errors, 'photo')}
              </span>
            )}
            <input
              type="file"
              id="photo"
              name="photo"
              accept="image/jpeg,image/png,image/webp,image/gif"
              aria-describedby={errorFor(errors, 'photo') ? 'photo-hint photo-error' : 'photo-hint'}
              aria-invalid={errorFor(errors, 'photo') ? 'true' : undefined}
            />
          </div>
          <button type="submit">{t('producers.manage.addPhoto')}</button>
        </form>
      )}
    </Layout>
  )
}
