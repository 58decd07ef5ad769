import { communeMap } from '../../../../platform/charts/charts.ts'
import { ChartFigure } from '../../../../platform/views/ChartFigure.tsx'
import type { SectionProps } from '../../dashboard-data.ts'
import { communeTable, shownCell } from '../../dashboard-tables.ts'
import { DASHBOARD_PATH } from '../paths.ts'

/** The communes that ask most, ten at first and all on « voir toutes »; the map shows the same ones. */
export const TOP_COMMUNES = 10

export function CommunesSection({ ctx, data, query, allCommunes }: SectionProps) {
  const { t } = ctx
  const table = communeTable(t, data)
  const rows = allCommunes ? table.rows : table.rows.slice(0, TOP_COMMUNES)
  const title = allCommunes ? table.title : t('dashboard.table.topCommunes', { count: rows.length })
  const description = t('dashboard.chart.communes')
  const points = rows.flatMap((r) => {
    const place = data.communes.get(String(r[1]))
    const value = Number(r[2] ?? 0)
    return place && value > 0 ? [{ name: place.name, lon: place.lon, lat: place.lat, value }] : []
  })
  const outline = [...data.communes.values()].map((c) => ({ lon: c.lon, lat: c.lat }))
  return (
    <>
      <ChartFigure
        id="graphique-communes"
        title={title}
        description={description}
        svg={communeMap({ title, description, points, outline })}
        table={{ columns: table.columns, rows: rows.map((r) => r.map(shownCell)) }}
      />
      {!allCommunes && table.rows.length > TOP_COMMUNES && (
        <p>
          <a href={`${DASHBOARD_PATH}?${query}&communes=toutes#par-commune`}>
            {t('dashboard.communes.all', { count: table.rows.length })}
          </a>
        </p>
      )}
      {data.hiddenCommunes.size > 0 && <p class="hint">{t('dashboard.smallCounts')}</p>}
    </>
  )
}
