import { barChart, communeMap, timeChart } from '../../../platform/charts/charts.ts'
import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { ChartFigure } from '../../../platform/views/ChartFigure.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { showDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { OPEN_DATA_PATH } from '../open-data.ts'
import type { PublishedBilan } from '../publication.service.ts'
import { type Figure, lastDay } from '../publication.ts'
import { THRESHOLD } from '../suppression.ts'
import { columns, monthName, row, show } from './labels.ts'

/**
 * The territory's bilan for anyone: sentences first, then each breakdown as a chart with its
 * table, the date the figures stand at and the method. Only what `publish` decided is shown: no
 * name, no text anyone wrote, no count from 1 to 4.
 */
export function BilanPage({
  ctx,
  territory,
  bilan,
  origin,
}: {
  ctx: ViewContext
  territory: Territory
  bilan: PublishedBilan
  /** 'https://host': the open data's address is written out on paper */
  origin: string
}) {
  const { t, locale } = ctx
  const { publication } = bilan
  const first = publication.months[0]
  const last = publication.months.at(-1)
  return (
    <Layout ctx={ctx} title={t('bilan.title')}>
      <article class="bilan">
        <h1>{t('bilan.title')}</h1>
        {first && last ? (
          <>
            <p class="lead">
              {t('bilan.intro', {
                platform: territory.platformName,
                from: monthName(first, locale),
                to: monthName(last, locale),
              })}
            </p>
            <p class="bilan-as-of">{t('bilan.asOf', { date: showDay(lastDay(last), locale) })}</p>
            <Headline ctx={ctx} bilan={bilan} />
            <Breakdowns ctx={ctx} bilan={bilan} />
          </>
        ) : (
          <p>{t('bilan.empty')}</p>
        )}
        <section aria-labelledby="bilan-method">
          <h2 id="bilan-method">{t('bilan.method')}</h2>
          <p>
            {t('bilan.method.counted')} {t('bilan.method.hidden')}
          </p>
          <p>
            {t('bilan.openData')} <a href={`${origin}${OPEN_DATA_PATH}`}>{t('bilan.openData.link')}</a>
          </p>
        </section>
      </article>
    </Layout>
  )
}

function Headline({ ctx, bilan }: { ctx: ViewContext; bilan: PublishedBilan }) {
  const { t } = ctx
  const h = bilan.publication.headline
  // French reads 0 and 1 in the singular; a hidden figure (« < 5 ») in the plural.
  const sentence = (keys: [MessageKey, MessageKey], f: Figure) =>
    t(!f.hidden && f.value < 2 ? keys[1] : keys[0], { count: show(f) })
  return (
    <section aria-labelledby="bilan-headline" class="bilan-headline">
      <h2 id="bilan-headline">{t('bilan.headline')}</h2>
      <ul>
        <li>{sentence(['bilan.headline.posted', 'bilan.headline.posted.one'], h.posted)}</li>
        <li>{sentence(['bilan.headline.answered', 'bilan.headline.answered.one'], h.answered)}</li>
        <li>{sentence(['bilan.headline.fulfilled', 'bilan.headline.fulfilled.one'], h.fulfilled)}</li>
        <li>{sentence(['bilan.headline.volunteers', 'bilan.headline.volunteers.one'], h.volunteers)}</li>
      </ul>
    </section>
  )
}

function Breakdowns({ ctx, bilan }: { ctx: ViewContext; bilan: PublishedBilan }) {
  const { t, locale } = ctx
  const { publication } = bilan
  const categoryName = (id: string) => (id === '?' ? t('bilan.noCategory') : bilan.categoryName(id, locale))
  const communeName = (insee: string) =>
    insee === '?' ? t('bilan.unknownCommune') : bilan.labels.commune(insee).name
  // Largest first, hidden ones last in their own order: their order must not tell their values.
  const byPosted = <T extends { figures: { posted: Figure } }>(list: T[]) =>
    [...list].sort((a, b) => {
      const [x, y] = [a.figures.posted, b.figures.posted]
      if (x.hidden || y.hidden) return Number(x.hidden) - Number(y.hidden)
      return y.value - x.value
    })
  // The charts draw only what is published; the tables say « < 5 » for the rest.
  const series = (label: string, metric: 'posted' | 'answered' | 'fulfilled') => ({
    label,
    points: publication.monthly
      .filter((m) => !m.figures[metric].hidden)
      .map((m) => ({ date: `${m.month}-01`, value: m.figures[metric].value })),
  })
  const points = new Map(bilan.communes.map((c) => [c.insee, c]))
  const monthly = { title: t('bilan.monthly'), description: t('bilan.monthly.description') }
  const categories = { title: t('bilan.categories'), description: t('bilan.categories.description') }
  const communes = { title: t('bilan.communes'), description: t('bilan.communes.description') }
  return (
    <>
      <ChartFigure
        id="bilan-mois"
        headingLevel={2}
        {...monthly}
        svg={timeChart({
          ...monthly,
          series: [
            series(t('bilan.column.posted'), 'posted'),
            series(t('bilan.column.answered'), 'answered'),
            series(t('bilan.column.fulfilled'), 'fulfilled'),
          ],
          yLabel: t('bilan.axis.count'),
        })}
        table={{
          columns: columns(t, 'bilan.column.month'),
          rows: publication.monthly.map((m) => row(monthName(m.month, locale), m.figures)),
        }}
      />
      <ChartFigure
        id="bilan-categories"
        headingLevel={2}
        {...categories}
        svg={barChart({
          ...categories,
          bars: publication.byCategory
            .filter((c) => !c.figures.posted.hidden)
            .map((c) => ({ label: categoryName(c.category), value: c.figures.posted.value })),
          xLabel: t('bilan.column.posted'),
        })}
        table={{
          columns: columns(t, 'bilan.column.category'),
          rows: byPosted(publication.byCategory).map((c) => row(categoryName(c.category), c.figures)),
        }}
      />
      <ChartFigure
        id="bilan-communes"
        headingLevel={2}
        {...communes}
        svg={communeMap({
          ...communes,
          points: publication.byCommune.flatMap((c) => {
            const place = points.get(c.commune)
            if (!place || c.figures.posted.hidden) return []
            return [
              { name: place.name, lon: place.longitude, lat: place.latitude, value: c.figures.posted.value },
            ]
          }),
          outline: bilan.communes.map((c) => ({ lon: c.longitude, lat: c.latitude })),
          legendFloor: THRESHOLD,
        })}
        table={{
          columns: columns(t, 'bilan.column.commune'),
          rows: byPosted(publication.byCommune).map((c) => row(communeName(c.commune), c.figures)),
        }}
      />
    </>
  )
}
