import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { INSEE_CODE } from '../../platform/geo/commune.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { Locale, Translate } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { callOutcomeLabels, callOutcomes } from '../calls/index.ts'
import { listCategories } from '../categories/index.ts'
import { caseOutcomeLabels, caseOutcomes } from '../phone/index.ts'
import { firstFiguresMonth, territoryActiveVolunteers } from './dashboard.repository.ts'
import type { DashboardData } from './dashboard-data.ts'
import { checkPeriod, type DashboardQuery, parisMonth } from './dashboard-filter.ts'
import { readFigures } from './figures.repository.ts'
import type { BilanFilter } from './figures.ts'
import { refreshFigures } from './rollup.ts'
import { suppress } from './suppression.ts'

export type ExportFormat = 'csv' | 'xlsx'

/** A filter the dashboard may compute, with the words of its commune for the form. */
export type Checked =
  | { kind: 'ok'; filter: BilanFilter; communeLabel: string; communeName: string | null }
  | { kind: 'invalid'; issues: Issue[] }

const TERRITORY = '*'

/** The staff's bilan: who may read it, which filters it takes, and the figures it shows. */
export class DashboardService {
  constructor(private readonly services: AppServices) {}

  /** The first line of every use case: the permission (a staff one: the second factor comes with it). */
  #reader(actor: Actor | null): Actor {
    const me = signedIn(actor)
    if (!can(me, 'statistics:read')) throw new HttpError(403, 'forbidden')
    return me
  }

  /** The month it is in Europe/Paris, and the first month of figures, for the period's choices. */
  async calendar(actor: Actor | null, territory: Territory) {
    this.#reader(actor)
    const now = parisMonth(this.services.clock.now())
    return { now, first: await firstFiguresMonth(this.services.database.db, territory.id) }
  }

  async categories(actor: Actor | null, territory: Territory, locale: Locale) {
    this.#reader(actor)
    const list = await listCategories(this.services.database.db, territory.id, { activeOnly: false })
    return list.map((c) => ({ value: c.id, label: localised(c.name, locale) }))
  }

  /**
   * The filter, or every reason it is refused (nothing is read then): a month that is none, a
   * period upside down or over ten years, a commune not of this territory, a category not its own.
   */
  async check(actor: Actor | null, territory: Territory, query: DashboardQuery): Promise<Checked> {
    this.#reader(actor)
    const now = parisMonth(this.services.clock.now())
    const { months, issues } = checkPeriod(query, now)
    const typed = (query.commune ?? '').trim()
    let commune: { insee: string; name: string; label: string } | null = null
    if (typed !== '') {
      const communes = this.services.communes
      const byCode = INSEE_CODE.test(typed) ? await communes.find(territory, typed) : null
      const resolved = byCode
        ? { kind: 'one' as const, commune: byCode }
        : await communes.resolve(territory, typed)
      if (resolved.kind === 'one') {
        const c = resolved.commune
        commune = { insee: c.insee, name: c.name, label: `${c.name} (${c.postalCodes[0] ?? c.insee})` }
      } else
        issues.push({
          field: 'commune',
          key: resolved.kind === 'many' ? 'dashboard.error.communeMany' : 'dashboard.error.commune',
        })
    }
    const categoryId = (query.categorie ?? '').trim()
    if (categoryId !== '') {
      const known = await this.categories(actor, territory, 'fr')
      if (!known.some((c) => c.value === categoryId))
        issues.push({ field: 'categorie', key: 'dashboard.error.category' })
    }
    if (!months || issues.length > 0) return { kind: 'invalid', issues }
    return {
      kind: 'ok',
      filter: {
        territoryId: territory.id,
        months,
        ...(commune ? { commune: commune.insee } : {}),
        ...(categoryId ? { category: categoryId } : {}),
      },
      communeLabel: commune?.label ?? '',
      communeName: commune?.name ?? null,
    }
  }

  /** The figures of a checked filter and the names they are shown with, small counts hidden. */
  async data(actor: Actor | null, territory: Territory, t: Translate, locale: Locale, filter: BilanFilter) {
    this.#reader(actor)
    if (filter.territoryId !== territory.id) throw new HttpError(404, 'not-found')
    const db = this.services.database.db
    const [figures, categories, communes] = await Promise.all([
      readFigures(db, filter),
      this.categories(actor, territory, locale),
      this.services.communes.ofTerritory(territory),
    ])
    // The communes' volunteers are kept apart from the territory's total over the same category,
    // whatever commune the page shows, so that two views never tell a hidden count between them.
    const territoryTotal = filter.commune
      ? await territoryActiveVolunteers(db, territory.id, filter.months, filter.category ?? TERRITORY)
      : figures.activeVolunteers
    const values = new Map(figures.activeVolunteersByCommune)
    values.set(TERRITORY, territoryTotal)
    const hiddenCommunes = suppress(values, [
      { total: TERRITORY, parts: [...figures.activeVolunteersByCommune.keys()] },
    ])
    hiddenCommunes.delete(TERRITORY)
    const narrowed = filter.commune !== undefined || filter.category !== undefined
    const small = figures.activeVolunteers > 0 && figures.activeVolunteers < 5
    const data: DashboardData = {
      filter,
      figures,
      categoryNames: new Map(categories.map((c) => [c.value, c.label])),
      communes: new Map(communes.map((c) => [c.insee, { name: c.name, lon: c.longitude, lat: c.latitude }])),
      callOutcomes: callOutcomes.map((code) => ({ code, label: t(callOutcomeLabels[code]) })),
      caseOutcomes: caseOutcomes.map((code) => ({ code, label: t(caseOutcomeLabels[code]) })),
      volunteersHidden:
        narrowed && (small || (filter.commune !== undefined && hiddenCommunes.has(filter.commune))),
      hiddenCommunes,
    }
    return data
  }

  /** An export leaves a trace: its format and filter, never a person. */
  async recordExport(actor: Actor | null, territory: Territory, format: ExportFormat, filter: BilanFilter) {
    const me = this.#reader(actor)
    await this.services.audit.record({
      territoryId: territory.id,
      actorId: me.accountId,
      action: 'statistics.exported',
      details: {
        format,
        from: filter.months.from,
        to: filter.months.to,
        commune: filter.commune ?? '',
        category: filter.category ?? '',
      },
    })
  }

  /** Folds the events written since the last run into the figures, now rather than at the next job. */
  async refresh(actor: Actor | null) {
    this.#reader(actor)
    await refreshFigures(this.services)
  }
}
