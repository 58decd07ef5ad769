import type { ViewContext } from '../../../../platform/views/context.ts'
import { RADII, type RadiusKm, type SearchQuery, searchHref } from '../../search.ts'
import { activeFilters, type CategoryOption, urgencyKeys } from './SearchFilters.tsx'

type Values = Omit<SearchQuery, 'cursor'>

/** The search's own address with its filters shown open, for the links that change a filter. */
export function withFiltersOpen(values: Values): string {
  const href = searchHref(values)
  return `${href}${href.includes('?') ? '&' : '?'}filtres=1#filtres`
}

const kindKeys = {
  ask: 'search.kind.asks',
  offer: 'search.kind.offers',
  mission: 'search.kind.missions',
} as const

/** The next radius up, or null at the widest. */
const wider = (km: RadiusKm | null): RadiusKm | null => (km ? (RADII.find((r) => r > km) ?? null) : null)

/**
 * What the search applies, in words, above the results: the filters (with a way to remove them),
 * then the place and radius (« Autour de Bayeux, 10 km · modifier »), so nothing narrows the
 * results without being said.
 */
export function SearchSummary({
  ctx,
  values,
  centreName,
  categories,
}: {
  ctx: ViewContext
  values: Values
  centreName: string | null
  categories: CategoryOption[]
}) {
  const { t } = ctx
  const named = values.categories.map((c) => categories.find((o) => o.slug === c)?.name ?? c)
  const filters = [
    ...(values.kind ? [t(kindKeys[values.kind])] : []),
    ...named,
    ...(values.urgency ? [t(urgencyKeys[values.urgency])] : []),
  ]
  const place =
    centreName && values.radiusKm
      ? t('search.summary.around', { commune: centreName, km: values.radiusKm })
      : t('search.summary.everywhere')
  return (
    <div class="search-summary" id="resume">
      {activeFilters(values) > 0 && (
        <p>
          {t('search.summary.filters', { filters: filters.join(', ') })} ·{' '}
          <a href={searchHref({ ...values, kind: null, categories: [], urgency: null })}>
            {t('search.summary.clear')}
          </a>
        </p>
      )}
      <p>
        {place} ·{' '}
        <a href={withFiltersOpen(values)}>
          {centreName ? t('search.summary.change') : t('search.summary.choose')}
        </a>
      </p>
    </div>
  )
}

/** How many more listings lie outside the circle, when it held few; with the ways to reach them. */
export function Beyond({
  ctx,
  values,
  beyond,
  withLinks,
}: {
  ctx: ViewContext
  values: Values
  beyond: { count: number; most: boolean }
  withLinks: boolean
}) {
  const { t } = ctx
  const sentence =
    beyond.count === 0
      ? t('search.beyond.none')
      : beyond.most
        ? t('search.beyond.most', { count: beyond.count })
        : beyond.count === 1
          ? t('search.beyond.one')
          : t('search.beyond.many', { count: beyond.count })
  const next = wider(values.radiusKm)
  return (
    <p class="search-beyond">
      {sentence}
      {withLinks && beyond.count > 0 && (
        <>
          {' '}
          {next && (
            <>
              <a href={searchHref({ ...values, radiusKm: next })}>{t('search.next.widen', { km: next })}</a>
              {' · '}
            </>
          )}
          <a href={searchHref({ ...values, commune: '', radiusKm: null })}>{t('search.next.everywhere')}</a>
        </>
      )}
    </p>
  )
}

/** No result: the ways on, as links (widen, remove filters or words, ask, be told later). */
export function NextSteps({
  ctx,
  values,
  hasCentre,
}: {
  ctx: ViewContext
  values: Values
  hasCentre: boolean
}) {
  const { t } = ctx
  const next = hasCentre ? wider(values.radiusKm) : null
  const here = searchHref(values)
  const steps: [string, string][] = [
    ...(next
      ? [
          [searchHref({ ...values, radiusKm: next }), t('search.next.widen', { km: next })] as [
            string,
            string,
          ],
        ]
      : []),
    ...(hasCentre
      ? [
          [searchHref({ ...values, commune: '', radiusKm: null }), t('search.next.everywhere')] as [
            string,
            string,
          ],
        ]
      : []),
    ...(activeFilters(values) > 0
      ? [
          [searchHref({ ...values, kind: null, categories: [], urgency: null }), t('search.next.clear')] as [
            string,
            string,
          ],
        ]
      : []),
    ...(values.words
      ? [
          [searchHref({ ...values, words: null }), t('search.next.allWords', { words: values.words })] as [
            string,
            string,
          ],
        ]
      : []),
    ['/annonces/nouvelle?type=demande', t('search.next.ask')],
    ctx.viewer
      ? ['#alerte', t('search.next.alert')]
      : [`/connexion?retour=${encodeURIComponent(here)}`, t('search.next.signIn')],
  ]
  return (
    <section class="search-next" aria-labelledby="que-faire">
      <h3 id="que-faire">{t('search.next.title')}</h3>
      <ul>
        {steps.map(([href, text]) => (
          <li key={href}>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
