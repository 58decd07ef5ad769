import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { loadCharts } from '../../platform/charts/charts.ts'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import { attachment } from '../../platform/http/csv.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { DashboardService, type ExportFormat } from './dashboard.service.ts'
import { type DashboardQuery, filterQuery, monthsDown, presets } from './dashboard-filter.ts'
import { bilanCsv } from './export-csv.ts'
import { bilanXlsx } from './export-xlsx.ts'
import type { BilanFilter } from './figures.ts'
import { exportTables } from './sections.ts'
import { DashboardPage } from './views/DashboardPage.tsx'
import { type FilterValues, monthLabel } from './views/FilterForm.tsx'
import { dashboardPaths } from './views/paths.ts'

const read = { permission: 'statistics:read', scope: null } as const
const text = Type.Optional(Type.String({ maxLength: 2000 }))
const FilterQuery = Type.Object({
  du: text,
  au: text,
  commune: text,
  categorie: text,
  communes: text,
  fait: text,
})
type FilterQuery = DashboardQuery & { communes?: string | undefined; fait?: string | undefined }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The staff's bilan: the dashboard, its two exports, and « Actualiser les chiffres ». */
export async function dashboardPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const dashboard = new DashboardService(services)

  /** The page, with the filter's errors when there are any: then nothing is computed (400). */
  const page = async (req: FastifyRequest, reply: FastifyReply, refused: FieldError[] = []) => {
    const territory = req.territory!
    const query = (refused.length > 0 ? {} : (req.query ?? {})) as FilterQuery
    const raw = (req.query ?? {}) as FilterQuery
    const { now, first } = await dashboard.calendar(req.actor, territory)
    const checked = refused.length > 0 ? null : await dashboard.check(req.actor, territory, query)
    const errors =
      refused.length > 0 ? refused : checked?.kind === 'invalid' ? translateIssues(checked.issues, req.t) : []
    const ok = checked?.kind === 'ok' ? checked : null
    const values: FilterValues = {
      du: ok?.filter.months.from ?? clean(raw.du),
      au: ok?.filter.months.to ?? clean(raw.au),
      commune: ok ? ok.communeLabel : clean(raw.commune),
      categorie: ok?.filter.category ?? clean(raw.categorie),
    }
    const categories = await dashboard.categories(req.actor, territory, req.locale)
    const data = ok ? await dashboard.data(req.actor, territory, req.t, req.locale, ok.filter) : null
    const keep = ok ? { commune: ok.filter.commune, category: ok.filter.category } : {}
    const t = req.t
    const scope = ok
      ? [
          t('dashboard.scope.period', {
            from: monthLabel(ok.filter.months.from, req.locale),
            to: monthLabel(ok.filter.months.to, req.locale),
          }),
          ok.communeName ?? t('dashboard.scope.allCommunes'),
          categories.find((c) => c.value === ok.filter.category)?.label ?? t('dashboard.scope.allCategories'),
        ].join(' · ')
      : ''
    await loadCharts()
    return sendPage(
      reply,
      DashboardPage({
        ctx: req.viewContext(),
        values,
        options: {
          months: monthsDown(first && first < now ? first : now, now),
          categories,
          presets: presets(now, first).map((p) => ({
            label: t(p.key),
            href: `${dashboardPaths.page}?${filterQuery({ months: p.months, ...definedOnly(keep) })}`,
          })),
        },
        errors,
        data,
        query: ok ? filterQuery(definedOnly({ months: ok.filter.months, ...keep })) : '',
        scope,
        allCommunes: raw.communes === 'toutes',
        notice: raw.fait === 'actualise' ? t('dashboard.refreshed') : null,
      }),
      errors.length > 0 ? 400 : 200,
    )
  }

  app.get(
    dashboardPaths.page,
    { schema: { querystring: FilterQuery }, config: { ...read, refill: page } },
    (req, reply) => page(req, reply),
  )

  const exportRoute = (format: ExportFormat) =>
    app.get(
      format === 'csv' ? dashboardPaths.csv : dashboardPaths.xlsx,
      { schema: { querystring: FilterQuery }, config: { ...read, refill: page } },
      async (req, reply) => {
        const territory = req.territory!
        const checked = await dashboard.check(req.actor, territory, req.query)
        if (checked.kind === 'invalid') return page(req, reply)
        const filter = checked.filter
        const data = await dashboard.data(req.actor, territory, req.t, req.locale, filter)
        const tables = exportTables(req.t, data)
        const body =
          format === 'csv' ? bilanCsv(tables) : await bilanXlsx(tables, { created: services.clock.now() })
        await dashboard.recordExport(req.actor, territory, format, filter)
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
          .header('content-disposition', attachment(fileName(territory.slug, filter, format)))
          .header('cache-control', 'no-store')
          .send(body)
      },
    )
  exportRoute('csv')
  exportRoute('xlsx')

  app.post(
    dashboardPaths.refresh,
    { schema: { body: Type.Object({ _csrf: text, filtre: text }) }, config: read },
    async (req, reply) => {
      await dashboard.refresh(req.actor)
      // Only the filter's own parameters come back: the field is a query the page wrote, not an address.
      const given = new URLSearchParams(req.body.filtre ?? '')
      const back = new URLSearchParams()
      for (const key of ['du', 'au', 'commune', 'categorie'])
        if (given.get(key)) back.set(key, given.get(key) as string)
      back.set('fait', 'actualise')
      return reply.redirect(`${dashboardPaths.page}?${back.toString()}`, 303)
    },
  )
}

/** `bilan-<territory>-<from>-<to>.csv` */
export function fileName(slug: string, filter: BilanFilter, format: ExportFormat): string {
  return `bilan-${slug}-${filter.months.from}-${filter.months.to}.${format}`
}

const clean = (value: string | undefined): string => withoutControlCharacters(value ?? '').slice(0, 200)

function definedOnly<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}
