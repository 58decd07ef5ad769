import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { findCategory } from '../categories/index.ts'
import { freeHelpReasons, notifyMissionPublished } from '../listings/index.ts'
import { managedOrganisation, type OrganisationRef, organisationIn, roleIn } from '../organisations/index.ts'
import {
  cancelSlot,
  findMission,
  insertMission,
  insertSlots,
  isSignedUpTo,
  type MissionChanges,
  slotsOf,
  updateMission,
} from './mission.repository.ts'
import {
  checkMissionFields,
  checkSlotRow,
  checkSlots,
  inFormOrder,
  isVisible,
  type Mission,
  type MissionInput,
  type NewSlot,
  type Slot,
  type SlotRowInput,
  type SlotsInput,
  UUID,
} from './mission.ts'
import { queueMission, unqueueMission } from './mission-review.ts'
import { tellSlotCancelled } from './signup-notices.ts'

/** The commune field: what was typed (web) or an INSEE code (API). */
export type CommuneInput = { text: string } | { insee: string }

export type SaveResult =
  | { kind: 'saved'; mission: Mission }
  | { kind: 'invalid'; issues: Issue[]; choices: Commune[] }
  /** the organisation is not verified (yet, or any more): it may not post */
  | { kind: 'unverified' }

/** A mission as a viewer may see it, with its organisation and slots. */
export interface MissionPage {
  mission: Mission
  organisation: OrganisationRef
  slots: Slot[]
  /** the viewer belongs to the organisation (manager or member) */
  member: boolean
  manager: boolean
  /** the viewer may read the address: signed up to one of its slots, or of the organisation */
  showAddress: boolean
}

/**
 * Posting and running missions: only the managers of a verified organisation post; every change
 * finds the mission through `managedOrganisation`, so anyone else gets 404 and nothing changes.
 */
export class MissionService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The organisation the actor manages in this territory, or 404. */
  async managed(actor: Actor | null, territory: Territory, organisationId: string): Promise<OrganisationRef> {
    const me = signedIn(actor)
    const organisation = UUID.test(organisationId)
      ? await managedOrganisation(this.#db, territory.id, organisationId, me.accountId)
      : null
    if (!organisation) throw notFound()
    return organisation
  }

  /** A mission and its organisation, when the actor manages that organisation; 404 otherwise. */
  async managedMission(actor: Actor | null, territory: Territory, missionId: string, scope = true) {
    const me = scope ? verified(actor, 'organisations:write') : signedIn(actor)
    const mission = UUID.test(missionId) ? await findMission(this.#db, territory.id, missionId) : null
    const organisation =
      mission && mission.status !== 'removed'
        ? await managedOrganisation(this.#db, territory.id, mission.organisationId, me.accountId)
        : null
    if (!mission || !organisation) throw notFound()
    return { me, mission, organisation }
  }

  async #check(territory: Territory, input: MissionInput, commune: CommuneInput) {
    const { fields, issues } = checkMissionFields(input)
    const category = UUID.test(input.categoryId)
      ? await findCategory(this.#db, territory.id, input.categoryId)
      : null
    if (!category || !category.active) issues.push({ field: 'categoryId', key: 'mission.category.required' })
    let place: Commune | null = null
    let choices: Commune[] = []
    if ('insee' in commune) place = await this.services.communes.find(territory, commune.insee)
    else if (commune.text.trim() !== '') {
      const found = await this.services.communes.resolve(territory, commune.text)
      if (found.kind === 'one') place = found.commune
      if (found.kind === 'many') choices = found.communes
    }
    if (!place) {
      const key = choices.length > 0 ? 'mission.commune.choose' : 'mission.commune.notCovered'
      issues.push({ field: 'commune', key })
    }
    // A category for childcare or home visits asks verified volunteers, whatever the box says.
    const needsVerifiedVolunteer =
      fields.needsVerifiedVolunteer || (category?.needsVerifiedVolunteer ?? false)
    const holdReasons = freeHelpReasons(fields.title, fields.description)
    return { fields: { ...fields, needsVerifiedVolunteer }, issues, place, choices, category, holdReasons }
  }

  /**
   * Posts a mission with its slots. The row is built here field by field: a status, an
   * organisation or a territory sent in the body is never read. Money wording holds it for moderation.
   */
  async create(
    actor: Actor | null,
    territory: Territory,
    organisationId: string,
    input: MissionInput,
    slotsInput: SlotsInput,
    commune: CommuneInput,
  ): Promise<SaveResult> {
    const me = verified(actor, 'organisations:write')
    const organisation = await this.managed(me, territory, organisationId)
    if (organisation.status !== 'verified') return { kind: 'unverified' }
    const now = this.services.clock.now()
    const checked = await this.#check(territory, input, commune)
    const slots = checkSlots(slotsInput, now)
    const issues = inFormOrder([...checked.issues, ...slots.issues])
    if (issues.length > 0 || !checked.place || !checked.category)
      return { kind: 'invalid', issues, choices: checked.choices }
    const held = checked.holdReasons.length > 0
    const mission: Mission = {
      id: this.services.ids(),
      territoryId: territory.id,
      organisationId: organisation.id,
      categoryId: checked.category.id,
      ...checked.fields,
      communeInsee: checked.place.insee,
      latitude: checked.place.latitude,
      longitude: checked.place.longitude,
      recurrence: slots.recurrence,
      status: held ? 'held' : 'published',
      holdReasons: checked.holdReasons,
      createdBy: me.accountId,
      createdAt: now,
      updatedAt: now,
      publishedAt: held ? null : now,
      closedAt: null,
    }
    await this.#db.transaction(async (tx) => {
      await insertMission(tx, mission)
      await insertSlots(tx, this.#slotRows(mission.id, slots.slots))
      await this.#audit(tx, me, mission, 'mission.posted', { status: mission.status })
      if (mission.status === 'published') await notifyMissionPublished(this.services, mission.id, tx)
      else await queueMission(this.services, tx, mission)
    })
    return { kind: 'saved', mission }
  }

  /** Changes what the mission says; its slots change one by one (add, cancel). Text is checked again. */
  async edit(
    actor: Actor | null,
    territory: Territory,
    missionId: string,
    input: MissionInput,
    commune: CommuneInput,
  ): Promise<SaveResult> {
    const { me, mission } = await this.managedMission(actor, territory, missionId)
    const checked = await this.#check(territory, input, commune)
    if (checked.issues.length > 0 || !checked.place || !checked.category)
      return { kind: 'invalid', issues: inFormOrder(checked.issues), choices: checked.choices }
    const now = this.services.clock.now()
    const held = checked.holdReasons.length > 0
    const changes: MissionChanges = {
      ...checked.fields,
      categoryId: checked.category.id,
      communeInsee: checked.place.insee,
      latitude: checked.place.latitude,
      longitude: checked.place.longitude,
      holdReasons: checked.holdReasons,
      updatedAt: now,
    }
    // A closed mission stays closed; an open one is held or published by its new words.
    if (mission.status !== 'closed') {
      changes.status = held ? 'held' : 'published'
      changes.publishedAt = held ? null : (mission.publishedAt ?? now)
    }
    const saved = await this.#db.transaction(async (tx) => {
      const row = await updateMission(tx, mission.id, changes)
      if (row) await this.#audit(tx, me, row, 'mission.edited', { status: row.status })
      // Held at first, published by its new words: the alerts learn of it now.
      if (row?.status === 'published' && mission.status !== 'published')
        await notifyMissionPublished(this.services, row.id, tx)
      // The queue follows: held again with new words, or released and no longer waiting.
      if (row?.status === 'held') await queueMission(this.services, tx, row)
      else if (row && mission.status === 'held') await unqueueMission(this.services, tx, row)
      return row
    })
    if (!saved) throw notFound()
    return { kind: 'saved', mission: saved }
  }

  /** One more slot; the same rules as when the mission was posted. */
  async addSlot(actor: Actor | null, territory: Territory, missionId: string, row: SlotRowInput) {
    const { mission } = await this.managedMission(actor, territory, missionId)
    const issues: Issue[] = []
    const slot = checkSlotRow(row, 1, this.services.clock.now(), issues)
    if (!slot || issues.length > 0) return { kind: 'invalid' as const, issues }
    const [saved] = this.#slotRows(mission.id, [slot])
    await insertSlots(this.#db, [saved!])
    return { kind: 'saved' as const, slot: saved! }
  }

  /** Cancels a slot still to come; the volunteers signed up to it are told by email, in the same transaction. */
  async cancelSlot(actor: Actor | null, territory: Territory, missionId: string, slotId: string) {
    const { me, mission, organisation } = await this.managedMission(actor, territory, missionId)
    if (!UUID.test(slotId)) throw notFound()
    const now = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      const slot = await cancelSlot(tx, mission.id, slotId, now)
      if (!slot) throw notFound()
      await tellSlotCancelled(this.services, tx, territory, { mission, organisation, slot })
      await this.#audit(tx, me, mission, 'mission.slot-cancelled', { slot: slot.id })
    })
  }

  /** No more sign-ups; the page stays readable, and who signed up keeps their place. */
  async close(actor: Actor | null, territory: Territory, missionId: string): Promise<Mission> {
    const { me, mission } = await this.managedMission(actor, territory, missionId)
    if (mission.status === 'closed') return mission
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const row = await updateMission(tx, mission.id, { status: 'closed', closedAt: now, updatedAt: now })
      if (!row) throw notFound()
      if (mission.status === 'held') await unqueueMission(this.services, tx, row)
      await this.#audit(tx, me, row, 'mission.closed', {})
      return row
    })
  }

  /** The mission as this viewer may see it; 404 when held (for others), removed or of another territory. */
  async page(actor: Actor | null, territory: Territory, missionId: string): Promise<MissionPage> {
    const mission = UUID.test(missionId) ? await findMission(this.#db, territory.id, missionId) : null
    if (!mission) throw notFound()
    const [organisation, role, signedUp, slots] = await Promise.all([
      organisationIn(this.#db, territory.id, mission.organisationId),
      actor ? roleIn(this.#db, mission.organisationId, actor.accountId) : null,
      actor ? isSignedUpTo(this.#db, mission.id, actor.accountId) : false,
      slotsOf(this.#db, mission.id),
    ])
    const member = role !== null
    // A suspended or refused organisation's missions are not shown to the public.
    if (!organisation || !isVisible(mission, member) || (organisation.status !== 'verified' && !member))
      throw notFound()
    return {
      mission,
      organisation,
      slots,
      member,
      manager: role === 'manager',
      showAddress: member || signedUp,
    }
  }

  #slotRows(missionId: string, slots: NewSlot[]): Slot[] {
    return slots.map((s) => ({
      id: this.services.ids(),
      missionId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      places: s.places,
      taken: 0,
      cancelledAt: null,
      remindedAt: null,
    }))
  }

  #audit(
    tx: DbOrTx,
    me: Actor,
    mission: Mission,
    action: 'mission.posted' | 'mission.edited' | 'mission.closed' | 'mission.slot-cancelled',
    details: Record<string, string>,
  ) {
    return this.services.audit.record(
      {
        territoryId: mission.territoryId,
        actorId: me.accountId,
        action,
        targetId: mission.id,
        details: { organisation: mission.organisationId, ...details },
      },
      tx,
    )
  }
}
