import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { isDuplicateRegistration } from './duplicate.ts'
import { insertMember, membershipsWithNotices } from './member.repository.ts'
import { managedOrganisation, roleIn } from './membership.repository.ts'
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  type Organisation,
  registrationTaken,
  updateOrganisation,
} from './organisation.repository.ts'
import type { MemberRole, OrganisationKind } from './organisation.schema.ts'
import { checkOrganisation, type OrganisationInput } from './organisation.ts'
import { queueForVerification } from './organisation-review.ts'

/** Organisations per page of the API's list. */
export const PAGE_SIZE = 20

/** The commune field: what was typed (web) or an INSEE code (API). */
export type CommuneChoice = { text: string } | { insee: string }

export type SaveResult =
  | { kind: 'saved'; organisation: Organisation }
  | { kind: 'invalid'; issues: Issue[]; choices: Commune[] }

/** What the viewer of an organisation's page is to it. */
export interface Viewing {
  organisation: Organisation
  role: MemberRole | null
  staff: boolean
}

/**
 * Creating and changing an organisation, and who may see it: a verified one is public, the
 * others only to their members and to staff. Anything else is « not found », as for another
 * territory's.
 */
export class OrganisationService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async #check(territory: Territory, input: OrganisationInput, commune: CommuneChoice, exceptId?: string) {
    const { value, issues } = checkOrganisation(input)
    let place: Commune | null = null
    let choices: Commune[] = []
    if ('insee' in commune) place = await this.services.communes.find(territory, commune.insee)
    else if (commune.text.trim() !== '' && commune.text.length <= 200) {
      const found = await this.services.communes.resolve(territory, commune.text)
      if (found.kind === 'one') place = found.commune
      if (found.kind === 'many') choices = found.communes
    }
    if (!place) {
      const key =
        choices.length > 0
          ? 'organisation.commune.choose'
          : ('insee' in commune ? commune.insee : commune.text).trim() === ''
            ? 'organisation.commune.required'
            : 'organisation.commune.notCovered'
      issues.push({ field: 'commune', key })
    }
    if (value && (await registrationTaken(this.#db, territory.id, value, exceptId)))
      issues.push({ field: 'registration', key: 'organisation.registration.taken' })
    return { value, place, issues, choices }
  }

  /** Any signed-in person whose address is confirmed; they become its first manager, in the same transaction. */
  async create(
    actor: Actor | null,
    territory: Territory,
    input: OrganisationInput,
    commune: CommuneChoice,
  ): Promise<SaveResult> {
    const me = verified(actor, 'organisations:write')
    const { value, place, issues, choices } = await this.#check(territory, input, commune)
    if (!value || !place || issues.length > 0) return { kind: 'invalid', issues, choices }
    const { clock, ids, audit } = this.services
    const now = clock.now()
    const id = ids()
    try {
      await this.#db.transaction(async (tx) => {
        await insertOrganisation(tx, {
          id,
          territoryId: territory.id,
          ...value,
          communeInsee: place.insee,
          latitude: place.latitude,
          longitude: place.longitude,
          status: 'pending',
          createdBy: me.accountId,
          createdAt: now,
          updatedAt: now,
        })
        await insertMember(tx, {
          organisationId: id,
          accountId: me.accountId,
          role: 'manager',
          signupNotices: 'each',
          joinedAt: now,
        })
        await queueForVerification(this.services, tx, { id, territoryId: territory.id, name: value.name })
        await audit.record(
          {
            territoryId: territory.id,
            actorId: me.accountId,
            action: 'organisation.created',
            targetId: id,
            details: { kind: value.kind },
          },
          tx,
        )
      })
    } catch (error) {
      // Someone registered the same number a moment earlier: the unique index said so.
      if (!isDuplicateRegistration(error)) throw error
      return {
        kind: 'invalid',
        issues: [{ field: 'registration', key: 'organisation.registration.taken' }],
        choices: [],
      }
    }
    return { kind: 'saved', organisation: (await findOrganisation(this.#db, territory.id, id))! }
  }

  /** The organisation for its edit form: its managers only, 404 for anyone else. */
  async forEdit(actor: Actor | null, territory: Territory, id: string): Promise<Organisation> {
    const me = signedIn(actor, 'organisations:write')
    if (!isUuid(id) || !(await managedOrganisation(this.#db, territory.id, id, me.accountId)))
      throw notFound()
    return (await findOrganisation(this.#db, territory.id, id))!
  }

  async edit(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: OrganisationInput,
    commune: CommuneChoice,
  ): Promise<SaveResult> {
    const me = signedIn(actor, 'organisations:write')
    const current = await this.forEdit(me, territory, id)
    const { value, place, issues, choices } = await this.#check(territory, input, commune, current.id)
    if (!value || !place || issues.length > 0) return { kind: 'invalid', issues, choices }
    const now = this.services.clock.now()
    const changed = (Object.keys(value) as (keyof typeof value)[]).filter((k) => value[k] !== current[k])
    if (place.insee !== current.communeInsee) changed.push('commune' as never)
    try {
      await this.#db.transaction(async (tx) => {
        await updateOrganisation(tx, territory.id, current.id, {
          ...value,
          communeInsee: place.insee,
          latitude: place.latitude,
          longitude: place.longitude,
          updatedAt: now,
        })
        await this.services.audit.record(
          {
            territoryId: territory.id,
            actorId: me.accountId,
            action: 'organisation.changed',
            targetId: current.id,
            details: { fields: changed.join(',') },
          },
          tx,
        )
      })
    } catch (error) {
      if (!isDuplicateRegistration(error)) throw error
      return {
        kind: 'invalid',
        issues: [{ field: 'registration', key: 'organisation.registration.taken' }],
        choices: [],
      }
    }
    return { kind: 'saved', organisation: (await findOrganisation(this.#db, territory.id, current.id))! }
  }

  /**
   * The organisation as this viewer may see it: verified ones by anyone; the others by their
   * members and by staff only. 404 alike for the rest and for another territory's.
   */
  async view(actor: Actor | null, territory: Territory, id: string): Promise<Viewing> {
    if (!isUuid(id)) throw notFound()
    const organisation = await findOrganisation(this.#db, territory.id, id)
    if (!organisation) throw notFound()
    const role = actor ? await roleIn(this.#db, organisation.id, actor.accountId) : null
    const staff = can(actor, 'organisation:verify')
    if (organisation.status !== 'verified' && !role && !staff) throw notFound()
    return { organisation, role, staff }
  }

  /** The public directory of the API: verified organisations only, by words, kind and commune. */
  publicList(
    territory: Territory,
    filter: { words?: string; kind?: OrganisationKind; communeInsee?: string },
    page: number,
  ) {
    const words = filter.words?.trim()
    return listOrganisations(
      this.#db,
      territory.id,
      {
        status: 'verified',
        ...(words ? { words } : {}),
        ...(filter.kind ? { kinds: [filter.kind] } : {}),
        ...(filter.communeInsee ? { communeInsee: filter.communeInsee } : {}),
      },
      { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE },
    )
  }

  /** « Mes organisations »: every organisation of the territory the person belongs to. */
  mine(actor: Actor | null, territory: Territory, scope: 'organisations:read' | null = null) {
    const me = signedIn(actor, scope ?? undefined)
    return membershipsWithNotices(this.#db, territory.id, me.accountId)
  }
}
