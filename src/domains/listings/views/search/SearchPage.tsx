import type { MessageKey } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { MissionResult, SearchResult } from '../../search.service.ts'
import { type SearchQuery, searchHref, WORDS_MAX } from '../../search.ts'
import { MissionList, MissionsBlock } from './MissionResults.tsx'
import { type CategoryOption, SEARCH_FORM, SearchFilters, urgencyKeys } from './SearchFilters.tsx'
import { Beyond, NextSteps, SearchSummary } from './SearchSummary.tsx'

interface Props {
  ctx: ViewContext
  /** what the form shows: the search as it ran, or as typed when refused */
  values: Omit<SearchQuery, 'cursor'>
  categories: CategoryOption[]
  errors: FieldError[]
  results: SearchResult[]
  /** kind « mission »: the page of missions; no kind: the few shown beside the listings */
  missions: MissionResult[]
  /** no listing had the words as typed: the close words searched instead */
  correctedWords: string[] | null
  nextHref: string | null
  firstHref: string | null
  now: Date
  /** the tile server's URL template; without it, no map */
  mapTileUrl: string | null
  /** the commune the search is around, as found; null: the whole territory */
  centreName: string | null
  /** the circle held few: how many more match outside it */
  beyond: { count: number; most: boolean } | null
  /** the filters shown open (asked by « modifier ») */
  filtersOpen: boolean
}

const kindKeys = { ask: 'search.kind.ask', offer: 'search.kind.offer' } as const satisfies Record<
  string,
  MessageKey
>

function age(ctx: ViewContext, published: Date, now: Date): string {
  const days = Math.floor((now.getTime() - published.getTime()) / 86_400_000)
  if (days <= 0) return ctx.t('search.result.age.today')
  if (days === 1) return ctx.t('search.result.age.yesterday')
  return ctx.t('search.result.age.days', { days })
}

/**
 * The list works with a plain GET form and links; the map is an extra drawn by listings-map.js
 * from the data attributes of the results, at commune level only.
 */
export function SearchPage(props: Props) {
  const { ctx, values, categories, errors, results, missions, correctedWords, nextHref, firstHref, now } =
    props
  const { mapTileUrl, centreName, beyond } = props
  const missionKind = values.kind === 'mission'
  const empty = errors.length === 0 && (missionKind ? missions : results).length === 0
  const { t } = ctx
  const title = pageTitle(ctx, t('search.title'), errors)
  const showMap = mapTileUrl !== null && results.length > 0
  return (
    <Layout
      ctx={ctx}
      title={title}
      scripts={showMap ? ['commune-field.js', 'listings-map.js'] : ['commune-field.js']}
      styles={showMap ? ['leaflet.css'] : []}
    >
      <h1>{t('search.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action="/annonces" class="search-form" id={SEARCH_FORM}>
        <TextField
          ctx={ctx}
          name="words"
          label={t('search.words.label')}
          hint={t('search.words.hint')}
          value={values.words ?? ''}
          error={errorFor(errors, 'words')}
          maxLength={WORDS_MAX}
        />
        <button type="submit">{t('search.submit')}</button>
      </form>
      {errors.length === 0 && (
        <SearchSummary ctx={ctx} values={values} centreName={centreName} categories={categories} />
      )}

      <h2 id="resultats">{t('search.results.title')}</h2>
      {correctedWords && values.words && (
        <p>{t('search.results.corrected', { typed: values.words, words: correctedWords.join(', ') })}</p>
      )}
      {empty && <p>{t('search.results.none')}</p>}
      {beyond && errors.length === 0 && (
        <Beyond ctx={ctx} values={values} beyond={beyond} withLinks={!empty} />
      )}
      {empty && <NextSteps ctx={ctx} values={values} hasCentre={centreName !== null} />}
      {missionKind && <MissionList ctx={ctx} missions={missions} />}
      {showMap && (
        <figure class="results-map-figure">
          <div
            id="carte"
            class="results-map"
            data-tiles={mapTileUrl}
            data-label={t('search.map.label')}
            data-marker-label={t('search.map.marker')}
          />
          <figcaption>
            {t('search.map.title')} – {t('search.map.hint')}
          </figcaption>
        </figure>
      )}
      {results.length > 0 && (
        <ol class="results" aria-labelledby="resultats">
          {results.map((r) => (
            <li
              class="result"
              key={r.id}
              data-lat={String(r.point.latitude)}
              data-lon={String(r.point.longitude)}
              data-title={r.title}
              data-href={`/annonces/${r.id}`}
              data-commune={r.commune.name ?? r.commune.insee}
            >
              <h3>
                <a href={`/annonces/${r.id}`}>{r.title}</a>
              </h3>
              <p class="result-meta">
                <span class={`tag tag-${r.kind}`}>{t(kindKeys[r.kind])}</span> · {r.category.name} ·{' '}
                {r.commune.name ?? r.commune.insee}
                {r.distanceKm !== null &&
                  ` · ${t('search.result.distance', { km: r.distanceKm.toLocaleString(ctx.locale) })}`}
                {r.urgency && ` · ${t(urgencyKeys[r.urgency])}`}
              </p>
              <p class="result-meta">
                {age(ctx, r.publishedAt, now)} ·{' '}
                {r.relayed
                  ? t('search.result.relayed')
                  : t('search.result.by', { name: r.author.displayName })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <nav class="pagination" aria-label={t('search.results.title')}>
        {firstHref && <a href={firstHref}>{t('search.first')}</a>}
        {nextHref && (
          <a href={nextHref} rel="next">
            {t('search.next')}
          </a>
        )}
      </nav>
      <SearchFilters
        ctx={ctx}
        values={values}
        categories={categories}
        errors={errors}
        open={props.filtersOpen}
      />
      {!missionKind && (
        <MissionsBlock ctx={ctx} missions={missions} allHref={searchHref({ ...values, kind: 'mission' })} />
      )}
      {errors.length === 0 && <AlertForm ctx={ctx} values={values} />}
    </Layout>
  )
}

/** « Créer une alerte » from the current search: its filters travel as hidden fields. */
function AlertForm({ ctx, values }: { ctx: ViewContext; values: Omit<SearchQuery, 'cursor'> }) {
  const { t } = ctx
  if (!ctx.viewer)
    return (
      <p class="hint" id="alerte">
        {t('search.alert.signIn')}
      </p>
    )
  const hidden: [string, string][] = [
    ['words', values.words ?? ''],
    ['kind', values.kind ?? ''],
    ['commune', values.commune ?? ''],
    ['radiusKm', values.radiusKm ? String(values.radiusKm) : ''],
    ['urgency', values.urgency ?? ''],
    ...values.categories.map((c) => ['categories', c] as [string, string]),
  ]
  return (
    <form method="post" action="/compte/alertes" class="alert-form" id="alerte">
      <CsrfField ctx={ctx} />
      {hidden.map(([name, value], i) => (
        <input type="hidden" name={name} value={value} key={`${name}-${i}`} />
      ))}
      <fieldset>
        <legend>{t('search.alert.frequency')}</legend>
        <label class="choice">
          <input type="radio" name="frequency" id="frequency" value="immediate" checked />
          {t('search.alert.immediate')}
        </label>
        <label class="choice">
          <input type="radio" name="frequency" id="frequency-daily" value="daily" />
          {t('search.alert.daily')}
        </label>
      </fieldset>
      <button type="submit">{t('search.alert.create')}</button>
    </form>
  )
}
