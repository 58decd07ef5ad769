import type { Actor } from '../../../platform/auth/actor.ts'
import { signedIn } from '../../../platform/auth/guards.ts'
import { requireScope } from '../../../platform/auth/scopes.ts'
import type { Commune } from '../../../platform/geo/commune.ts'
import { notFound } from '../../../platform/http/problem.ts'
import { isMobilePhone } from '../../../platform/phone-numbers.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import type { Issue } from '../../../platform/validation.ts'
import type { Category } from '../../categories/index.ts'
import { findProfileAccount, type ProfileAccount, updateAccount } from '../identity/account.repository.ts'
import { type InterestChoice, interestChoices, interestsToStore } from './interests.ts'
import {
  checkProfileInput,
  type OwnProfile,
  type ProfileChanges,
  type ProfileInput,
  type PublicProfile,
  presentOwnProfile,
  presentPublicProfile,
} from './profile.ts'

const slugs = (choices: readonly InterestChoice[]) => choices.map((c) => c.slug)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type ProfileUpdate =
  | { kind: 'saved'; profile: OwnProfile }
  /** nothing was written; when the commune fits several, the person picks one of `communeChoices` */
  | { kind: 'invalid'; issues: Issue[]; communeChoices: Commune[] }

/** A person's own profile, and the little others may see of it. */
export class ProfileService {
  constructor(
    private readonly services: Pick<AppServices, 'database' | 'clock' | 'communes' | 'categoryCache' | 'sms'>,
  ) {}

  async own(actor: Actor | null): Promise<OwnProfile> {
    const me = signedIn(actor)
    requireScope(me, 'profile:read')
    const account = await this.#account(me.accountId)
    const offered = slugs(interestChoices(await this.#categories(account)))
    return presentOwnProfile(
      account,
      await this.services.communes.findAnywhere(account.communeInsee),
      offered,
    )
  }

  /** The interests the form offers: the active categories of the person's own territory. */
  async interestChoices(actor: Actor | null): Promise<InterestChoice[]> {
    const me = signedIn(actor)
    requireScope(me, 'profile:read')
    return interestChoices(await this.#categories(await this.#account(me.accountId)))
  }

  /**
   * Only the fields of ProfileInput are ever read, so whatever else a form or a JSON body
   * carries (role, status, territory, verification) cannot reach the row.
   */
  async update(actor: Actor | null, territory: Territory, input: ProfileInput): Promise<ProfileUpdate> {
    const me = signedIn(actor)
    requireScope(me, 'profile:write')
    const account = await this.#account(me.accountId)
    const categories = await this.#categories(account)
    const offered = slugs(interestChoices(categories))
    const { changes, issues } = checkProfileInput(input, offered)
    const communeChoices = input.commune
      ? await this.#commune(account, territory, input.commune, changes, issues)
      : []
    const now = this.services.clock.now()
    const optIn = this.#smsChoice(account, input, changes, issues, now)
    if (issues.length > 0) return { kind: 'invalid', issues, communeChoices }
    // A partial PATCH of the preferences keeps the types it does not mention.
    if (changes.notifications) changes.notifications = { ...account.notifications, ...changes.notifications }
    if (changes.interests)
      changes.interests = interestsToStore(changes.interests, account.interests, categories)
    await this.services.database.db.transaction(async (tx) => {
      await updateAccount(tx, account.id, { ...changes, updatedAt: now })
      // Opting in anew lifts a « STOP » the number answered before: the person asks for it here.
      if (optIn) await this.services.sms.resume(tx, account.territoryId, optIn)
    })
    const saved: ProfileAccount = { ...account, ...changes }
    return {
      kind: 'saved',
      profile: presentOwnProfile(
        saved,
        await this.services.communes.findAnywhere(saved.communeInsee),
        offered,
      ),
    }
  }

  /**
   * Anyone may look a member up by id, on the member's own platform only; a suspended member is
   * not shown. Unknown, elsewhere and suspended all look the same: null, a 404.
   */
  async publicProfile(territory: Territory, id: string): Promise<PublicProfile | null> {
    if (!UUID.test(id)) return null
    const account = await findProfileAccount(this.services.database.db, id)
    if (!account || account.territoryId !== territory.id || account.status !== 'active') return null
    return presentPublicProfile(account, await this.services.communes.find(territory, account.communeInsee))
  }

  /**
   * The categories of the person's own territory, where their interests count (dispatch, callouts),
   * even when a staff member edits their profile from another platform.
   */
  #categories(account: ProfileAccount): Promise<Category[]> {
    return this.services.categoryCache.list(account.territoryId, { activeOnly: false })
  }

  /**
   * « Recevoir aussi les avis par SMS »: an opt-in, kept as its moment, that needs a mobile
   * number (the one saved, or the one typed with it). A new number is a new opt-in. Returns the
   * number opted in now, whose STOP is then lifted.
   */
  #smsChoice(
    account: ProfileAccount,
    input: ProfileInput,
    changes: ProfileChanges,
    issues: Issue[],
    now: Date,
  ): string | null {
    const phone = changes.phone !== undefined ? changes.phone : account.phone
    const wanted = input.sms ?? account.smsConsentAt !== null
    if (!wanted) {
      if (account.smsConsentAt !== null) changes.smsConsentAt = null
      return null
    }
    if (issues.some((i) => i.field === 'phone')) return null
    if (!phone || !isMobilePhone(phone)) {
      // Saved elsewhere (the API changing the number alone), the opt-in ends with the mobile it was for.
      if (input.sms === undefined) {
        changes.smsConsentAt = null
        return null
      }
      issues.push({ field: 'sms', key: phone ? 'profile.sms.notMobile' : 'profile.sms.noPhone' })
      return null
    }
    if (account.smsConsentAt !== null && phone === account.phone) return null
    changes.smsConsentAt = now
    return phone
  }

  async #account(id: string): Promise<ProfileAccount> {
    const account = await findProfileAccount(this.services.database.db, id)
    if (!account) throw notFound()
    return account
  }

  /** Reads the commune into `changes` or `issues`; returns the choices when the text fits several. */
  async #commune(
    account: ProfileAccount,
    territory: Territory,
    commune: NonNullable<ProfileInput['commune']>,
    changes: ProfileChanges,
    issues: Issue[],
  ): Promise<Commune[]> {
    // The commune places the person in their own territory; staff visiting another platform
    // would otherwise move themselves out of it.
    if (account.territoryId !== territory.id) {
      issues.push({ field: 'commune', key: 'profile.commune.homeOnly' })
      return []
    }
    if ('insee' in commune) {
      const found = await this.services.communes.find(territory, commune.insee)
      if (found) changes.communeInsee = found.insee
      else issues.push({ field: 'commune', key: 'profile.commune.notFound' })
      return []
    }
    if (commune.text.trim() === '') {
      issues.push({ field: 'commune', key: 'profile.commune.required' })
      return []
    }
    const resolution = await this.services.communes.resolve(territory, commune.text)
    if (resolution.kind === 'one') changes.communeInsee = resolution.commune.insee
    else if (resolution.kind === 'many') {
      issues.push({ field: 'commune', key: 'profile.commune.choose' })
      return resolution.communes
    } else issues.push({ field: 'commune', key: 'profile.commune.notFound' })
    return []
  }
}
