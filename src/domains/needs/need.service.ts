import type { Actor } from '../../platform/auth/actor.ts'
import { verified } from '../../platform/auth/guards.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { freeHelpReasons } from '../listings/index.ts'
import { managedOrganisation, type OrganisationRef, organisationIn, roleIn } from '../organisations/index.ts'
import {
  deleteDropPoint,
  dropPointsOf,
  findNeed,
  insertDropPoint,
  insertNeed,
  needsOfOrganisation,
  updateNeed,
} from './need.repository.ts'
import {
  blankDropPoint,
  checkDropPoint,
  checkNeed,
  DROP_POINTS_MAX,
  type DropPoint,
  type DropPointInput,
  editableStatuses,
  isPublic,
  type Need,
  type NeedInput,
  type NeedStatus,
  remaining,
} from './need.ts'
import { queueNeed, unqueueNeed } from './need-review.ts'

const FORM_ORDER = [
  'title',
  'description',
  'quantity',
  'unit',
  'categoryId',
  'deadline',
  ...Array.from({ length: DROP_POINTS_MAX }, (_, i) =>
    ['Name', 'Commune', 'Address', 'Hours'].map((f) => `drop${i + 1}${f}`),
  ).flat(),
]
/** The issues in the order of the form's fields, whatever order the checks found them in. */
const inFormOrder = (issues: Issue[]) =>
  [...issues].sort((a, b) => FORM_ORDER.indexOf(a.field) - FORM_ORDER.indexOf(b.field))

/** A need as a viewer sees it: its organisation, progress and drop points, with the places named. */
export interface NeedView {
  need: Need
  organisation: OrganisationRef
  category: { id: string; name: string } | null
  dropPoints: (DropPoint & { communeName: string })[]
  remaining: number
  /** the viewer's role in the organisation, null for anyone else */
  role: 'manager' | 'member' | null
}

export type NeedResult = { kind: 'saved'; need: Need } | { kind: 'invalid'; issues: Issue[] }

/** Drop points as the web form sends them (commune typed) or the API (an INSEE code). */
export type DropPointsInput = (DropPointInput & { by: 'text' | 'insee' })[]

/** Posting, editing and closing material needs: only the organisation's managers; access first. */
export class NeedService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The organisation the actor manages, or 404 alike for « not found » and « not yours ». */
  async managed(actor: Actor | null, territory: Territory, organisationId: string) {
    const me = verified(actor, 'organisations:write')
    const org = isUuid(organisationId)
      ? await managedOrganisation(this.#db, territory.id, organisationId, me.accountId)
      : null
    if (!org) throw notFound()
    if (org.status !== 'verified') throw new HttpError(403, 'organisation-unverified')
    return { me, org }
  }

  async create(
    actor: Actor | null,
    territory: Territory,
    organisationId: string,
    input: NeedInput,
    points: DropPointsInput,
  ): Promise<NeedResult> {
    const { me, org } = await this.managed(actor, territory, organisationId)
    const now = this.services.clock.now()
    const { fields, issues } = checkNeed(input, now)
    const categoryId = await this.#category(territory, input.categoryId, issues)
    const blank = { name: '', commune: '', address: '', hours: '', by: 'insee' as const }
    const given = (points.length > 0 ? points : [blank]).filter((p, i) => i === 0 || !blankDropPoint(p))
    if (given.length > DROP_POINTS_MAX)
      issues.push({ field: 'drop1Name', key: 'needs.drop.tooMany', params: { max: DROP_POINTS_MAX } })
    const places = await Promise.all(
      given.map((p, i) => this.#dropPoint(territory, p, `drop${i + 1}`, issues)),
    )
    if (issues.length > 0) return { kind: 'invalid', issues: inFormOrder(issues) }
    const holdReasons = freeHelpReasons(fields.title, fields.description)
    const need: Need = {
      ...fields,
      id: this.services.ids(),
      territoryId: territory.id,
      organisationId: org.id,
      categoryId,
      allowOverPledge: input.allowOverPledge,
      pledged: 0,
      received: 0,
      status: holdReasons.length > 0 ? 'held' : 'open',
      holdReasons,
      createdBy: me.accountId,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    }
    const dropPoints = places.map((p, i) => ({
      ...p!,
      id: this.services.ids(),
      needId: need.id,
      position: i + 1,
    }))
    await this.#db.transaction(async (tx) => {
      await insertNeed(tx, need, dropPoints)
      if (need.status === 'held') await queueNeed(this.services, tx, need)
    })
    return { kind: 'saved', need }
  }

  /** The need its organisation's manager is about to change, or 404. */
  async manageable(actor: Actor | null, territory: Territory, id: string): Promise<Need> {
    const me = verified(actor, 'organisations:write')
    const need = isUuid(id) ? await findNeed(this.#db, territory.id, id) : null
    if (!need || need.status === 'removed') throw notFound()
    const org = await managedOrganisation(this.#db, territory.id, need.organisationId, me.accountId)
    if (!org) throw notFound()
    return need
  }

  /** The text is checked again, so an edit can hold the need or release it. */
  async edit(actor: Actor | null, territory: Territory, id: string, input: NeedInput): Promise<NeedResult> {
    const current = await this.manageable(actor, territory, id)
    this.#editable(current)
    const now = this.services.clock.now()
    const { fields, issues } = checkNeed(input, now)
    // A deadline already passed may stay as it was; only a new one must be ahead.
    const kept = issues.filter(
      (i) => !(i.key === 'needs.deadline.past' && fields.deadline === current.deadline),
    )
    const categoryId = await this.#category(territory, input.categoryId, kept)
    if (kept.length > 0) return { kind: 'invalid', issues: kept }
    const holdReasons = freeHelpReasons(fields.title, fields.description)
    const held = holdReasons.length > 0
    const status: NeedStatus | undefined = held ? 'held' : current.status === 'held' ? 'open' : undefined
    const changes = {
      ...fields,
      categoryId,
      allowOverPledge: input.allowOverPledge,
      holdReasons,
      updatedAt: now,
    }
    const where = { territoryId: territory.id, id, statuses: editableStatuses }
    const saved = await this.#db.transaction(async (tx) => {
      const row = await updateNeed(tx, where, status ? { ...changes, status } : changes)
      // The queue follows: held again with new words, or released and no longer waiting.
      if (row?.status === 'held') await queueNeed(this.services, tx, row)
      else if (row && current.status === 'held') await unqueueNeed(this.services, tx, row)
      return row
    })
    if (saved) return { kind: 'saved', need: saved }
    const latest = await findNeed(this.#db, territory.id, id)
    if (latest && (editableStatuses as readonly string[]).includes(latest.status))
      return {
        kind: 'invalid',
        issues: [
          { field: 'quantity', key: 'needs.quantity.belowPledged', params: { pledged: latest.pledged } },
        ],
      }
    throw new HttpError(409, 'need-status')
  }

  async addDropPoint(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: DropPointInput & { by: 'text' | 'insee' },
  ): Promise<NeedResult> {
    const need = await this.manageable(actor, territory, id)
    this.#editable(need)
    const issues: Issue[] = []
    const existing = await dropPointsOf(this.#db, need.id)
    if (existing.length >= DROP_POINTS_MAX)
      issues.push({ field: 'drop1Name', key: 'needs.drop.tooMany', params: { max: DROP_POINTS_MAX } })
    const place = await this.#dropPoint(territory, input, 'drop1', issues)
    if (issues.length > 0 || !place) return { kind: 'invalid', issues }
    await insertDropPoint(this.#db, { ...place, id: this.services.ids(), needId: need.id })
    return { kind: 'saved', need }
  }

  /** A need keeps at least one drop point: givers must know where to bring things. */
  async removeDropPoint(actor: Actor | null, territory: Territory, id: string, pointId: string) {
    const need = await this.manageable(actor, territory, id)
    this.#editable(need)
    const points = await dropPointsOf(this.#db, need.id)
    if (!points.some((p) => p.id === pointId)) throw notFound()
    if (points.length === 1) throw new HttpError(409, 'last-drop-point')
    await deleteDropPoint(this.#db, need.id, pointId)
    return need
  }

  async close(actor: Actor | null, territory: Territory, id: string): Promise<Need> {
    const current = await this.manageable(actor, territory, id)
    const now = this.services.clock.now()
    const where = { territoryId: territory.id, id, statuses: editableStatuses }
    const closed = await this.#db.transaction(async (tx) => {
      const row = await updateNeed(tx, where, { status: 'closed', closedAt: now, updatedAt: now })
      if (row && current.status === 'held') await unqueueNeed(this.services, tx, row)
      return row
    })
    if (!closed) throw new HttpError(409, 'need-status')
    return closed
  }

  /** The need as this viewer may see it: held ones by its organisation's people only, else 404. */
  async view(actor: Actor | null, territory: Territory, id: string, locale: Locale): Promise<NeedView> {
    const need = isUuid(id) ? await findNeed(this.#db, territory.id, id) : null
    if (!need || need.status === 'removed') throw notFound()
    const role = actor ? await roleIn(this.#db, need.organisationId, actor.accountId) : null
    if (!isPublic(need.status) && !role) throw notFound()
    const view = await this.present(territory, need, role, locale)
    // A suspended or refused organisation's needs are its own business until it is verified again.
    if (view.organisation.status !== 'verified' && !role) throw notFound()
    return view
  }

  async present(territory: Territory, need: Need, role: NeedView['role'], locale: Locale): Promise<NeedView> {
    const [organisation, category, points] = await Promise.all([
      organisationIn(this.#db, territory.id, need.organisationId),
      need.categoryId ? this.services.categoryCache.find(territory.id, need.categoryId) : null,
      dropPointsOf(this.#db, need.id),
    ])
    const dropPoints = await Promise.all(
      points.map(async (p) => ({
        ...p,
        communeName: (await this.services.communes.find(territory, p.communeInsee))?.name ?? p.communeInsee,
      })),
    )
    return {
      need,
      organisation: organisation!,
      category: category ? { id: category.id, name: localised(category.name, locale) } : null,
      dropPoints,
      remaining: remaining(need),
      role,
    }
  }

  /**
   * An organisation's needs: open and met ones for everyone, held and closed ones too for its own
   * people. Another territory's organisation is not found.
   */
  async ofOrganisation(actor: Actor | null, territory: Territory, organisationId: string, locale: Locale) {
    const org = isUuid(organisationId) ? await organisationIn(this.#db, territory.id, organisationId) : null
    if (!org) throw notFound()
    const role = actor ? await roleIn(this.#db, org.id, actor.accountId) : null
    if (org.status !== 'verified' && !role) return []
    const statuses: NeedStatus[] = role ? ['held', 'open', 'met', 'closed'] : ['open', 'met']
    const rows = await needsOfOrganisation(this.#db, territory.id, org.id, statuses)
    return Promise.all(rows.map((n) => this.present(territory, n, role, locale)))
  }

  #editable(need: Need) {
    if (!(editableStatuses as readonly string[]).includes(need.status))
      throw new HttpError(409, 'need-status')
  }

  /** An optional category of the territory, active. */
  async #category(territory: Territory, id: string, issues: Issue[]): Promise<string | null> {
    if (id.trim() === '') return null
    const category = isUuid(id) ? await this.services.categoryCache.find(territory.id, id) : null
    if (!category || !category.active) issues.push({ field: 'categoryId', key: 'needs.category.invalid' })
    return category?.id ?? null
  }

  async #dropPoint(
    territory: Territory,
    input: DropPointInput & { by: 'text' | 'insee' },
    prefix: string,
    issues: Issue[],
  ) {
    const fields = checkDropPoint(input, prefix, issues)
    const field = `${prefix}Commune`
    let commune: Commune | null = null
    const typed = input.commune.trim()
    if (typed === '') issues.push({ field, key: 'needs.drop.commune.required' })
    else if (input.by === 'insee') commune = await this.services.communes.find(territory, typed)
    else {
      const found = await this.services.communes.resolve(territory, typed)
      if (found.kind === 'one') commune = found.commune
      else if (found.kind === 'many') issues.push({ field, key: 'needs.drop.commune.many' })
    }
    if (typed !== '' && !commune && !issues.some((i) => i.field === field))
      issues.push({ field, key: 'needs.drop.commune.notCovered' })
    return commune ? { ...fields, communeInsee: commune.insee } : null
  }
}
