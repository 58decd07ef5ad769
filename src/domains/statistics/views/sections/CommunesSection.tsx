import type { SectionProps } from '../../dashboard-data.ts'
import { communeTable, shownCell } from '../../dashboard-tables.ts'
import { DataTable } from '../DataTable.tsx'

/** The communes that ask most, ten at first and all on « voir toutes ». */
export const TOP_COMMUNES = 10

export function CommunesSection({ ctx, data, query, allCommunes }: SectionProps) {
  const { t } = ctx
  const table = communeTable(t, data)
  const shown = allCommunes ? table.rows : table.rows.slice(0, TOP_COMMUNES)
  return (
    <>
      <DataTable
        caption={allCommunes ? table.title : t('dashboard.table.topCommunes', { count: shown.length })}
        columns={table.columns}
        rows={shown.map((r) => r.map(shownCell))}
      />
      {!allCommunes && table.rows.length > TOP_COMMUNES && (
        <p>
          <a href={`/administration/bilan?${query}&communes=toutes#par-commune`}>
            {t('dashboard.communes.all', { count: table.rows.length })}
          </a>
        </p>
      )}
      {data.hiddenCommunes.size > 0 && <p class="hint">{t('dashboard.smallCounts')}</p>}
    </>
  )
}
