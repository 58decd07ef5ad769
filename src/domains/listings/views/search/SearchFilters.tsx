import { CommuneField } from '../../../../platform/geo/CommuneField.tsx'
import type { MessageKey } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import type { FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { errorFor } from '../../../../platform/views/fields.tsx'
import { RADII, type SearchQuery, SORTS } from '../../search.ts'

export interface CategoryOption {
  slug: string
  name: string
}

/** The id of the search form: the filters stand after the results and join it by this id. */
export const SEARCH_FORM = 'recherche'

export const urgencyKeys = {
  today: 'search.urgency.today',
  week: 'search.urgency.week',
  'no-rush': 'search.urgency.no-rush',
} as const satisfies Record<string, MessageKey>
const sortKeys = {
  relevance: 'search.sort.relevance',
  distance: 'search.sort.distance',
  newest: 'search.sort.newest',
  urgency: 'search.sort.urgency',
} as const satisfies Record<string, MessageKey>

function Select({
  id,
  label,
  value,
  options,
  error,
  ctx,
}: {
  ctx: ViewContext
  id: string
  label: string
  value: string
  options: [string, string][]
  error?: string | undefined
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <span id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      <select id={id} name={id} form={SEARCH_FORM} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map(([v, text]) => (
          <option value={v} selected={v === value} key={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

/** How many filters narrow the search, the place aside (the summary says it on its own line). */
export const activeFilters = (values: Omit<SearchQuery, 'cursor'>) =>
  (values.kind ? 1 : 0) + (values.categories.length > 0 ? 1 : 0) + (values.urgency ? 1 : 0)

/**
 * The filters, closed by default so that the results come first on a phone; a plain <details>,
 * so it opens without JavaScript. The page opens it when a field is wrong or when asked to
 * (« modifier »). Its fields belong to the search form above the results (the `form` attribute):
 * one submission carries the words and every filter.
 */
export function SearchFilters({
  ctx,
  values,
  categories,
  errors,
  open,
}: {
  ctx: ViewContext
  values: Omit<SearchQuery, 'cursor'>
  categories: CategoryOption[]
  errors: FieldError[]
  open: boolean
}) {
  const { t } = ctx
  const active = activeFilters(values)
  const summary =
    active === 0
      ? t('search.filters.none')
      : active === 1
        ? t('search.filters.oneActive')
        : t('search.filters.active', { count: active })
  return (
    <details id="filtres" class="search-filters" open={open || errors.length > 0}>
      <summary>{summary}</summary>
      <div class="search-filters-body">
        <Select
          ctx={ctx}
          id="kind"
          label={t('search.kind.label')}
          value={values.kind ?? ''}
          error={errorFor(errors, 'kind')}
          options={[
            ['', t('search.kind.any')],
            ['ask', t('search.kind.asks')],
            ['offer', t('search.kind.offers')],
            ['mission', t('search.kind.missions')],
          ]}
        />
        <div class={errorFor(errors, 'categories') ? 'field field-error' : 'field'}>
          <fieldset>
            <legend>{t('search.categories.label')}</legend>
            {errorFor(errors, 'categories') && (
              <span class="error-message">{errorFor(errors, 'categories')}</span>
            )}
            {categories.map((c, i) => (
              <label class="choice" key={c.slug}>
                <input
                  type="checkbox"
                  name="categories"
                  form={SEARCH_FORM}
                  id={i === 0 ? 'categories' : `categories-${c.slug}`}
                  value={c.slug}
                  checked={values.categories.includes(c.slug)}
                />
                {c.name}
              </label>
            ))}
          </fieldset>
        </div>
        <CommuneField
          ctx={ctx}
          name="commune"
          id="commune"
          form={SEARCH_FORM}
          label={t('search.commune.label')}
          hint={t('search.commune.hint')}
          value={values.commune ?? ''}
          error={errorFor(errors, 'commune')}
        />
        <Select
          ctx={ctx}
          id="radiusKm"
          label={t('search.radius.label')}
          value={String(values.radiusKm ?? 10)}
          error={errorFor(errors, 'radiusKm')}
          options={RADII.map((km) => [String(km), t('search.radius.option', { km })])}
        />
        <Select
          ctx={ctx}
          id="urgency"
          label={t('search.urgency.label')}
          value={values.urgency ?? ''}
          error={errorFor(errors, 'urgency')}
          options={[
            ['', t('search.urgency.any')],
            ...Object.entries(urgencyKeys).map(([v, k]) => [v, t(k)] as [string, string]),
          ]}
        />
        <Select
          ctx={ctx}
          id="sort"
          label={t('search.sort.label')}
          value={values.sort ?? ''}
          error={errorFor(errors, 'sort')}
          options={SORTS.map((s) => [s, t(sortKeys[s])])}
        />
        <button type="submit" form={SEARCH_FORM}>
          {t('search.filters.submit')}
        </button>
      </div>
    </details>
  )
}
