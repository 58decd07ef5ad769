import { type Actor, can } from '../../platform/auth/actor.ts'
import { forbidden, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { listCategories } from '../categories/index.ts'
import { findTemplate, insertTemplates, templatesOf, updateTemplate } from './crisis.repository.ts'
import { type CrisisTemplate, checkTemplateTexts, crisisKinds, isCrisisKind } from './crisis.ts'
import { defaultTemplates } from './crisis-defaults.ts'

const TEMPLATE_ORDER = new Map(crisisKinds.map((k, i) => [k, i]))

/** Administrators only: the templates say what a crisis opens and tells everyone. */
export function crisisManager(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'crisis:manage')) throw forbidden()
  return actor
}

/** The five crisis templates of a territory: seeded when first needed, edited by administrators. */
export class CrisisTemplates {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /**
   * The five templates, seeded from the product's defaults the first time they are needed, with
   * only the categories the territory has.
   */
  async ensure(territory: Territory): Promise<CrisisTemplate[]> {
    const existing = await templatesOf(this.#db, territory.id)
    if (existing.length < crisisKinds.length) {
      const slugs = new Set(
        (await listCategories(this.#db, territory.id, { activeOnly: false })).map((c) => c.slug),
      )
      const have = new Set(existing.map((t) => t.kind))
      const now = this.services.clock.now()
      await insertTemplates(
        this.#db,
        crisisKinds
          .filter((kind) => !have.has(kind))
          .map((kind) => ({
            id: this.services.ids(),
            territoryId: territory.id,
            kind,
            categorySlugs: defaultTemplates[kind].categorySlugs.filter((s) => slugs.has(s)),
            guidance: defaultTemplates[kind].guidance,
            homeMessage: defaultTemplates[kind].homeMessage,
            updatedBy: null,
            updatedAt: now,
          })),
      )
    }
    const all = existing.length < crisisKinds.length ? await templatesOf(this.#db, territory.id) : existing
    return all.sort((a, b) => TEMPLATE_ORDER.get(a.kind)! - TEMPLATE_ORDER.get(b.kind)!)
  }

  async find(actor: Actor | null, territory: Territory, kind: string): Promise<CrisisTemplate> {
    crisisManager(actor)
    if (!isCrisisKind(kind)) throw notFound()
    await this.ensure(territory)
    const found = await findTemplate(this.#db, territory.id, kind)
    if (!found) throw notFound()
    return found
  }

  /** The categories ticked must be the territory's; the texts are French, the English follows later. */
  async save(
    actor: Actor | null,
    territory: Territory,
    kind: string,
    input: { categorySlugs: string[]; guidance: string; homeMessage: string },
  ): Promise<{ kind: 'saved' } | { kind: 'invalid'; issues: Issue[] }> {
    const me = crisisManager(actor)
    const current = await this.find(me, territory, kind)
    const issues: Issue[] = []
    const texts = checkTemplateTexts(input, issues)
    const known = new Set(
      (await listCategories(this.#db, territory.id, { activeOnly: false })).map((c) => c.slug),
    )
    const slugs = [...new Set(input.categorySlugs)]
    if (slugs.some((s) => !known.has(s))) issues.push({ field: 'categories', key: 'crisis.error.category' })
    if (issues.length > 0) return { kind: 'invalid', issues }
    // An English text written by hand stays while the French one is unchanged; otherwise it would
    // contradict the new French words, and English readers get the French instead.
    const keep = (old: CrisisTemplate['guidance'], fr: string) => (old.fr === fr ? old : { fr })
    await this.#db.transaction(async (tx) => {
      await updateTemplate(tx, territory.id, current.kind, {
        categorySlugs: slugs,
        guidance: keep(current.guidance, texts.guidance),
        homeMessage: keep(current.homeMessage, texts.homeMessage),
        updatedBy: me.accountId,
        updatedAt: this.services.clock.now(),
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'crisis.template-changed',
          targetId: current.id,
          details: { kind: current.kind },
        },
        tx,
      )
    })
    return { kind: 'saved' }
  }
}
