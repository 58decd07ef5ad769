import { CommuneField } from '../../../platform/geo/CommuneField.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Checkbox,
  Confirmation,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { productFamilies, salesModes } from '../producer.schema.ts'
import type { ProducerEntry } from '../producer-directory.service.ts'
import { type ProducerQuery, producerSearchHref, SEARCH_RADII, SEARCH_WORDS_MAX } from '../producer-query.ts'
import { FAMILY_LABEL, MODE_LABEL, QUALITY_LABEL } from './labels.ts'
import { timeText } from './words.ts'

interface Props {
  ctx: ViewContext
  values: ProducerQuery
  errors: FieldError[]
  results: { entries: ProducerEntry[]; total: number; pages: number } | null
  mapTileUrl: string | null
  /** shown to staff who may put the directory on the home page: whether it is there now */
  highlight: { on: boolean } | null
  notice?: string | undefined
}

function countText(ctx: ViewContext, total: number): string {
  if (total === 0) return ctx.t('producers.directory.count.none')
  if (total === 1) return ctx.t('producers.directory.count.one')
  return ctx.t('producers.directory.count.many', { count: total.toLocaleString(ctx.locale) })
}

/**
 * The directory works with a plain GET form and links; the map is an extra drawn by
 * listings-map.js from the list's data attributes, at the places' communes only.
 */
export function ProducerDirectoryPage({
  ctx,
  values,
  errors,
  results,
  mapTileUrl,
  highlight,
  notice,
}: Props) {
  const { t } = ctx
  const entries = results?.entries ?? []
  const showMap = mapTileUrl !== null && entries.some((e) => e.point)
  return (
    <Layout
      ctx={ctx}
      title={pageTitle(ctx, t('producers.directory.title'), errors)}
      scripts={showMap ? ['commune-field.js', 'listings-map.js'] : ['commune-field.js']}
      styles={showMap ? ['leaflet.css'] : []}
    >
      {notice && <Confirmation text={notice} />}
      <h1>{t('producers.directory.title')}</h1>
      <p>{t('producers.directory.intro')}</p>
      {highlight && (
        <section class="staff-box" aria-labelledby="une">
          <h2 id="une">{t('producers.highlight.title')}</h2>
          {highlight.on && <p>{t('producers.highlight.isOn')}</p>}
          <ActionButton
            ctx={ctx}
            action={highlight.on ? '/producteurs/a-la-une/retirer' : '/producteurs/a-la-une'}
            label={t(highlight.on ? 'producers.highlight.off' : 'producers.highlight.on')}
          />
        </section>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action="/producteurs" class="search-form">
        <TextField
          ctx={ctx}
          name="words"
          label={t('producers.directory.words')}
          hint={t('producers.directory.wordsHint')}
          value={values.words ?? ''}
          error={errorFor(errors, 'words')}
          maxLength={SEARCH_WORDS_MAX}
        />
        <Select
          ctx={ctx}
          name="family"
          label={t('producers.directory.family')}
          placeholder={t('producers.directory.familyAny')}
          value={values.family ?? ''}
          error={errorFor(errors, 'family')}
          options={productFamilies.map((f) => ({ value: f, label: t(FAMILY_LABEL[f]) }))}
        />
        <CommuneField
          ctx={ctx}
          name="commune"
          id="commune"
          label={t('producers.directory.commune')}
          hint={t('producers.directory.communeHint')}
          value={values.commune}
          {...(errorFor(errors, 'commune') ? { error: errorFor(errors, 'commune')! } : {})}
        />
        <div class={errorFor(errors, 'radiusKm') ? 'field field-error' : 'field'}>
          <label for="radiusKm">{t('producers.directory.radius')}</label>
          {errorFor(errors, 'radiusKm') && (
            <span id="radiusKm-error" class="error-message">
              {errorFor(errors, 'radiusKm')}
            </span>
          )}
          <select
            id="radiusKm"
            name="radiusKm"
            aria-describedby={errorFor(errors, 'radiusKm') ? 'radiusKm-error' : undefined}
          >
            {SEARCH_RADII.map((km) => (
              <option key={km} value={String(km)} selected={km === values.radiusKm}>
                {t('producers.directory.radiusOption', { km })}
              </option>
            ))}
          </select>
        </div>
        <Select
          ctx={ctx}
          name="mode"
          label={t('producers.directory.mode')}
          placeholder={t('producers.directory.modeAny')}
          value={values.mode ?? ''}
          error={errorFor(errors, 'mode')}
          options={salesModes.map((m) => ({ value: m, label: t(MODE_LABEL[m]) }))}
        />
        <Checkbox
          ctx={ctx}
          name="openToday"
          label={t('producers.directory.openToday')}
          checked={values.openToday}
          error={errorFor(errors, 'openToday')}
        />
        {errorFor(errors, 'page') && (
          <p class="error-message" id="page">
            {errorFor(errors, 'page')}
          </p>
        )}
        <button type="submit">{t('producers.directory.submit')}</button>
      </form>

      <h2 id="resultats">{t('producers.directory.results')}</h2>
      {results && (
        <output class="results-count">
          {countText(ctx, results.total)}
          {results.pages > 1 &&
            ` ${t('producers.directory.countPage', { page: values.page, pages: results.pages })}`}
        </output>
      )}
      {results && entries.length === 0 && <p>{t('producers.directory.none')}</p>}
      {showMap && (
        <figure class="results-map-figure">
          <div
            id="carte"
            class="results-map"
            data-tiles={mapTileUrl}
            data-label={t('producers.directory.map')}
            data-marker-label={t('producers.directory.mapMarker')}
          />
          <figcaption>{t('producers.directory.mapCaption')}</figcaption>
        </figure>
      )}
      {entries.length > 0 && (
        <ol class="results" aria-labelledby="resultats">
          {entries.map((e) => (
            <li
              class="result producer-result"
              key={e.id}
              {...(e.point
                ? {
                    'data-lat': String(e.point.latitude),
                    'data-lon': String(e.point.longitude),
                    'data-title': e.name,
                    'data-href': `/producteurs/${e.id}`,
                    'data-commune': e.commune?.name ?? '',
                  }
                : {})}
            >
              <h3>
                <a href={`/producteurs/${e.id}`}>{e.name}</a>
              </h3>
              <p class="result-meta">
                {e.commune?.name}
                {e.distanceKm !== null &&
                  ` · ${t('producers.directory.distance', { km: e.distanceKm.toLocaleString(ctx.locale) })}`}
              </p>
              {e.openUntil && (
                <p class="open-today">
                  <strong>{t('producers.directory.openUntil', { time: timeText(ctx, e.openUntil) })}</strong>
                </p>
              )}
              <p>
                {e.families.map((f) => t(FAMILY_LABEL[f])).join(', ')}
                {e.modes.length > 0 && ` · ${e.modes.map((m) => t(MODE_LABEL[m])).join(', ')}`}
              </p>
              {e.labels.length > 0 && (
                <p class="result-meta">{e.labels.map((l) => t(QUALITY_LABEL[l])).join(', ')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {results && results.pages > 1 && (
        <nav class="pagination" aria-label={t('producers.directory.pages')}>
          {values.page > 1 && (
            <a href={producerSearchHref(values, Math.min(values.page - 1, results.pages))} rel="prev">
              {t('producers.directory.previous')}
            </a>
          )}
          {values.page < results.pages && (
            <a href={producerSearchHref(values, values.page + 1)} rel="next">
              {t('producers.directory.next')}
            </a>
          )}
        </nav>
      )}
      <p>
        <a href="/producteurs/donnees">{t('producers.directory.openData')}</a>
      </p>
    </Layout>
  )
}
