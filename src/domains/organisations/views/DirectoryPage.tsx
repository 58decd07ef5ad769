import { CommuneField } from '../../../platform/geo/CommuneField.tsx'
import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { type AidStructureType, aidStructureTypes, organisationKinds } from '../organisation.schema.ts'
import type { DirectoryEntry } from '../organisation-directory.service.ts'
import {
  DIRECTORY_RADII,
  DIRECTORY_WORDS_MAX,
  type DirectoryQuery,
  directoryHref,
} from '../organisation-directory.ts'

interface Props {
  ctx: ViewContext
  /** what the form shows: the search as it ran, or as typed when refused */
  values: DirectoryQuery
  errors: FieldError[]
  /** null when the search was refused: no count, no list */
  results: { entries: DirectoryEntry[]; total: number; pages: number } | null
  /** the tile server's URL template; without it, no map */
  mapTileUrl: string | null
}

export const kindKeys = {
  association: 'directory.kind.association',
  'aid-structure': 'directory.kind.aid-structure',
  producer: 'directory.kind.producer',
  workshop: 'directory.kind.workshop',
  commune: 'directory.kind.commune',
  partner: 'directory.kind.partner',
} as const satisfies Record<(typeof organisationKinds)[number], MessageKey>

export const aidTypeKeys = {
  ccas: 'directory.aidType.ccas',
  'food-bank': 'directory.aidType.food-bank',
  ehpad: 'directory.aidType.ehpad',
  shelter: 'directory.aidType.shelter',
  school: 'directory.aidType.school',
  other: 'directory.aidType.other',
} as const satisfies Record<AidStructureType, MessageKey>

function Select(props: {
  ctx: ViewContext
  id: string
  label: string
  value: string
  options: [string, string][]
  error?: string | undefined
}) {
  const { ctx, id, label, value, options, error } = props
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <span id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      <select
        id={id}
        name={id}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
      >
        {options.map(([v, text]) => (
          <option value={v} selected={v === value} key={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

function countText(ctx: ViewContext, total: number): string {
  if (total === 0) return ctx.t('directory.count.none')
  if (total === 1) return ctx.t('directory.count.one')
  return ctx.t('directory.count.many', { count: total.toLocaleString(ctx.locale) })
}

/**
 * The directory works with a plain GET form and links; the map is an extra drawn by
 * listings-map.js from the data attributes of the list, at commune level only.
 */
export function DirectoryPage({ ctx, values, errors, results, mapTileUrl }: Props) {
  const { t } = ctx
  const entries = results?.entries ?? []
  const showMap = mapTileUrl !== null && entries.length > 0
  return (
    <Layout
      ctx={ctx}
      title={pageTitle(ctx, t('directory.title'), errors)}
      scripts={showMap ? ['commune-field.js', 'listings-map.js'] : ['commune-field.js']}
      styles={showMap ? ['leaflet.css'] : []}
    >
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action="/organisations" class="search-form">
        <TextField
          ctx={ctx}
          name="words"
          label={t('directory.words.label')}
          hint={t('directory.words.hint')}
          value={values.words ?? ''}
          error={errorFor(errors, 'words')}
          maxLength={DIRECTORY_WORDS_MAX}
        />
        <Select
          ctx={ctx}
          id="kind"
          label={t('directory.kind.label')}
          value={values.kind ?? ''}
          error={errorFor(errors, 'kind')}
          options={[
            ['', t('directory.kind.any')],
            ...organisationKinds.map((k) => [k, t(kindKeys[k])] as [string, string]),
          ]}
        />
        <Select
          ctx={ctx}
          id="aidType"
          label={t('directory.aidType.label')}
          value={values.aidType ?? ''}
          error={errorFor(errors, 'aidType')}
          options={[
            ['', t('directory.aidType.any')],
            ...aidStructureTypes.map((k) => [k, t(aidTypeKeys[k])] as [string, string]),
          ]}
        />
        <CommuneField
          ctx={ctx}
          name="commune"
          id="commune"
          label={t('directory.commune.label')}
          hint={t('directory.commune.hint')}
          value={values.commune}
          error={errorFor(errors, 'commune')}
        />
        <Select
          ctx={ctx}
          id="radiusKm"
          label={t('directory.radius.label')}
          value={String(values.radiusKm)}
          error={errorFor(errors, 'radiusKm')}
          options={DIRECTORY_RADII.map((km) => [String(km), t('directory.radius.option', { km })])}
        />
        {errorFor(errors, 'page') && (
          <p class="error-message" id="page">
            {errorFor(errors, 'page')}
          </p>
        )}
        <button type="submit">{t('directory.submit')}</button>
      </form>

      <h2 id="resultats">{t('directory.results.title')}</h2>
      {/* An output is a status region: the count is what a screen reader hears of the results. */}
      {results && (
        <output class="results-count">
          {countText(ctx, results.total)}
          {results.pages > 1 && ` ${t('directory.count.page', { page: values.page, pages: results.pages })}`}
        </output>
      )}
      {results && entries.length === 0 && <p>{t('directory.results.none')}</p>}
      {showMap && (
        <figure class="results-map-figure">
          <div
            id="carte"
            class="results-map"
            data-tiles={mapTileUrl}
            data-label={t('directory.map.label')}
            data-marker-label={t('directory.map.marker')}
          />
          <figcaption>{t('directory.map.caption')}</figcaption>
        </figure>
      )}
      {entries.length > 0 && (
        <ol class="results" aria-labelledby="resultats">
          {entries.map((e) => (
            <li
              class="result organisation-result"
              key={e.id}
              data-lat={String(e.point.latitude)}
              data-lon={String(e.point.longitude)}
              data-title={e.name}
              data-href={`/organisations/${e.id}`}
              data-commune={e.commune.name ?? e.commune.insee}
            >
              {e.logoUrl && <img class="organisation-logo" src={e.logoUrl} alt="" width={48} height={48} />}
              <h3>
                <a href={`/organisations/${e.id}`}>{e.name}</a>
              </h3>
              <p class="result-meta">
                <span class="tag tag-verified">{t('directory.result.verified')}</span> · {t(kindKeys[e.kind])}
                {e.aidType && ` (${t(aidTypeKeys[e.aidType])})`} · {e.commune.name ?? e.commune.insee}
                {e.distanceKm !== null &&
                  ` · ${t('directory.result.distance', { km: e.distanceKm.toLocaleString(ctx.locale) })}`}
              </p>
              <p>{e.summary}</p>
            </li>
          ))}
        </ol>
      )}
      {results && results.pages > 1 && (
        <nav class="pagination" aria-label={t('directory.pages')}>
          {values.page > 1 && (
            <a href={directoryHref(values, Math.min(values.page - 1, results.pages))} rel="prev">
              {t('directory.previous')}
            </a>
          )}
          {values.page < results.pages && (
            <a href={directoryHref(values, values.page + 1)} rel="next">
              {t('directory.next')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  )
}
