import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards } from '../accounts/index.ts'
import { organisationIn, roleIn } from '../organisations/index.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
import { findMission, missionsByIds, slotsOf } from './mission.repository.ts'
import { MissionService } from './mission.service.ts'
import { type Mission, type Signup, SLOTS_MAX, type Slot, UUID, withdrawDeadline } from './mission.ts'
import { recordSlotsFilled } from './mission-stats.ts'
import {
  findSignup,
  insertSignups,
  liveSignups,
  markThanked,
  releasePlace,
  setAttendance,
  signupsOfAccount,
  signupsOfMission,
  takePlace,
  withdraw,
} from './signup.repository.ts'
import { localeOf, missionPath, tellManagers } from './signup-notices.ts'

export type SignupResult =
  | { kind: 'signed-up'; signups: Signup[]; slots: Slot[] }
  /** nothing was written; `slots` names the slots concerned where there are some */
  | {
      kind: 'refused'
      reason: 'none-chosen' | 'unknown-slot' | 'closed' | 'needs-verified' | 'already' | 'full'
      slots: Slot[]
    }

export type WithdrawResult =
  | { kind: 'withdrawn'; mission: Mission; slot: Slot }
  | { kind: 'too-late'; mission: Mission; slot: Slot; deadline: Date }
  | { kind: 'not-signed-up'; mission: Mission; slot: Slot }

/** Raised inside the sign-up's transaction to undo the places already taken when one slot is full. */
class SlotsFull extends Error {
  constructor(readonly slotIds: string[]) {
    super('slots full')
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505'

/**
 * Volunteers signing up and withdrawing, and the organisation's side of it: who comes, attendance,
 * thanks. A place is taken by one conditional update in the sign-up's transaction, never read first.
 */
export class SignupService {
  readonly #missions: MissionService
  constructor(private readonly services: AppServices) {
    this.#missions = new MissionService(services)
  }

  get #db() {
    return this.services.database.db
  }

  /**
   * Signs the person up to one or several slots, all or nothing: a volunteer who ticks three
   * Saturdays means the three, so when one is full no place is kept and the answer names the full
   * ones, to choose again among those still open.
   */
  async signUp(
    actor: Actor | null,
    territory: Territory,
    missionId: string,
    slotIds: readonly string[],
  ): Promise<SignupResult> {
    const me = verified(actor, 'participation:write')
    const { mission, slots } = await this.#signable(territory, missionId)
    const refuse = (reason: Extract<SignupResult, { kind: 'refused' }>['reason'], which: Slot[] = []) =>
      ({ kind: 'refused', reason, slots: which }) as SignupResult
    const wanted = [...new Set(slotIds)]
    if (wanted.length === 0) return refuse('none-chosen')
    const byId = new Map(slots.map((s) => [s.id, s]))
    const chosen = wanted.map((id) => byId.get(id))
    if (wanted.length > SLOTS_MAX || chosen.some((s) => !s)) return refuse('unknown-slot')
    const picked = (chosen as Slot[]).sort((a, b) => (a.id < b.id ? -1 : 1))
    if (mission.status !== 'published') return refuse('closed')
    const now = this.services.clock.now()
    if (
      mission.needsVerifiedVolunteer &&
      !(await isVerifiedVolunteer(this.#db, territory.id, me.accountId, now))
    )
      return refuse('needs-verified')
    const already = new Set((await liveSignups(this.#db, me.accountId, wanted)).map((s) => s.slotId))
    if (already.size > 0)
      return refuse(
        'already',
        picked.filter((s) => already.has(s.id)),
      )
    const rows: Signup[] = picked.map((slot) => ({
      id: this.services.ids(),
      slotId: slot.id,
      missionId: mission.id,
      accountId: me.accountId,
      status: 'signed-up',
      createdAt: now,
      withdrawnAt: null,
      attendanceBy: null,
      attendanceAt: null,
      thankedAt: null,
      notifiedAt: null,
    }))
    try {
      await this.#db.transaction(async (tx) => {
        // In id order, so that two people choosing the same slots lock them in the same order.
        const full: string[] = []
        for (const slot of picked) if (!(await takePlace(tx, mission.id, slot.id, now))) full.push(slot.id)
        if (full.length > 0) throw new SlotsFull(full)
        await insertSignups(tx, rows)
        await recordSlotsFilled(tx, mission, rows)
        await tellManagers(this.services, tx, territory, {
          mission,
          volunteerName: me.displayName,
          slots: picked,
          kind: 'signup',
        })
      })
    } catch (error) {
      if (error instanceof SlotsFull)
        return refuse(
          'full',
          picked.filter((s) => error.slotIds.includes(s.id)),
        )
      // The same person twice at once: the unique index keeps one live sign-up per slot.
      if (isUniqueViolation(error)) return refuse('already', picked)
      throw error
    }
    return { kind: 'signed-up', signups: rows, slots: picked }
  }

  /**
   * A mission anyone may sign up to, with its slots: published or closed (which then says so), of
   * a verified organisation of this territory; 404 otherwise, as its page answers.
   */
  async #signable(territory: Territory, missionId: string) {
    const mission = UUID.test(missionId) ? await findMission(this.#db, territory.id, missionId) : null
    if (!mission || (mission.status !== 'published' && mission.status !== 'closed')) throw notFound()
    const [organisation, slots] = await Promise.all([
      organisationIn(this.#db, territory.id, mission.organisationId),
      slotsOf(this.#db, mission.id),
    ])
    if (organisation?.status !== 'verified') throw notFound()
    return { mission, slots }
  }

  /** The person's own sign-up, ended until the mission's deadline; the place goes back to the slot. */
  async withdraw(actor: Actor | null, territory: Territory, signupId: string): Promise<WithdrawResult> {
    const me = signedIn(actor, 'participation:write')
    const found = UUID.test(signupId) ? await findSignup(this.#db, signupId) : null
    const mission = found ? await findMission(this.#db, territory.id, found.signup.missionId) : null
    if (!found || !mission || found.signup.accountId !== me.accountId) throw notFound()
    const { signup, slot } = found
    if (signup.status !== 'signed-up') return { kind: 'not-signed-up', mission, slot }
    const now = this.services.clock.now()
    const deadline = withdrawDeadline(slot, mission.withdrawHoursBefore)
    if (now >= deadline && slot.cancelledAt === null) return { kind: 'too-late', mission, slot, deadline }
    const done = await this.#db.transaction(async (tx) => {
      const row = await withdraw(tx, signup.id, me.accountId, now)
      if (!row) return false
      await releasePlace(tx, slot.id)
      if (slot.cancelledAt === null)
        await tellManagers(this.services, tx, territory, {
          mission,
          volunteerName: me.displayName,
          slots: [slot],
          kind: 'withdrawal',
        })
      return true
    })
    return done ? { kind: 'withdrawn', mission, slot } : { kind: 'not-signed-up', mission, slot }
  }

  /** « Mes missions »: the person's sign-ups, upcoming first, with whether they may still withdraw. */
  async mine(actor: Actor | null, territory: Territory) {
    const me = signedIn(actor, 'organisations:read')
    const now = this.services.clock.now()
    const rows = await signupsOfAccount(this.#db, territory.id, me.accountId, now)
    const missions = await missionsByIds(
      this.#db,
      rows.map((r) => r.signup.missionId),
    )
    return rows.flatMap(({ signup, slot }) => {
      const mission = missions.get(signup.missionId)
      if (!mission) return []
      const deadline = withdrawDeadline(slot, mission.withdrawHoursBefore)
      const live = signup.status === 'signed-up' && slot.startsAt > now
      return [{ signup, slot, mission, deadline, mayWithdraw: live }]
    })
  }

  /** Who is coming, per slot: the organisation's managers and members; anyone else 404. */
  async roster(actor: Actor | null, territory: Territory, missionId: string) {
    const me = signedIn(actor, 'organisations:read')
    const mission = UUID.test(missionId) ? await findMission(this.#db, territory.id, missionId) : null
    const role = mission ? await roleIn(this.#db, mission.organisationId, me.accountId) : null
    if (!mission || !role || mission.status === 'removed') throw notFound()
    const [organisation, slots, signups] = await Promise.all([
      organisationIn(this.#db, territory.id, mission.organisationId),
      slotsOf(this.#db, mission.id),
      signupsOfMission(this.#db, mission.id),
    ])
    if (!organisation) throw notFound()
    // Names only: a volunteer agreed to no more by signing up (contact details go only to a match
    // both sides accepted, and only what each chose to share).
    const cards = await accountCards(
      this.#db,
      signups.map((s) => s.accountId),
    )
    const people = signups.map((s) => ({ ...s, displayName: cards.get(s.accountId)?.displayName ?? '' }))
    return {
      mission,
      organisation,
      manager: role === 'manager',
      now: this.services.clock.now(),
      slots: slots.map((slot) => ({ slot, people: people.filter((p) => p.slotId === slot.id) })),
    }
  }

  /** After the slot: attended or absent. Null when the slot has not ended or the sign-up was withdrawn. */
  async attendance(
    actor: Actor | null,
    territory: Territory,
    missionId: string,
    signupId: string,
    status: 'attended' | 'absent',
  ) {
    const { me, mission } = await this.#missions.managedMission(actor, territory, missionId)
    if (!UUID.test(signupId)) throw notFound()
    return setAttendance(this.#db, mission.id, signupId, status, me.accountId, this.services.clock.now())
  }

  /** « Remercier »: one thank-you mail per sign-up that attended; a second click sends nothing. */
  async thank(actor: Actor | null, territory: Territory, missionId: string, signupId: string) {
    const { mission, organisation } = await this.#missions.managedMission(actor, territory, missionId)
    if (!UUID.test(signupId)) throw notFound()
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const signup = await markThanked(tx, mission.id, signupId, now)
      if (!signup) return false
      const card = (await accountCards(tx, [signup.accountId])).get(signup.accountId)
      if (card?.status === 'active') {
        const base = territoryBaseUrl(this.services.config, territory)
        await this.services.mailer.send({
          territory,
          to: card.email,
          locale: localeOf(card),
          template: 'mission-thanks',
          data: {
            name: card.displayName,
            organisation: organisation.name,
            title: mission.title,
            link: `${base}${missionPath(mission.id)}`,
          },
          tx,
        })
      }
      return true
    })
  }
}
