import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import { isLocale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { managerIdsOf, membershipsOf, organisationIn, roleIn } from '../organisations/index.ts'
import { dropPointsOf, findNeed, reservePledge, settlePledge } from './need.repository.ts'
import { formatCount, isPublic, type Need, type Pledge, parseQuantity, remaining } from './need.ts'
import {
  cancelPledge,
  findPledge,
  insertPledge,
  pledgesOfAccount,
  pledgesOfNeed,
  receivePledge,
} from './pledge.repository.ts'

export interface PledgeInput {
  quantity: string
  dropPointId: string
  /** empty: in one's own name */
  organisationId: string
}

export type PledgeResult =
  | { kind: 'pledged'; pledge: Pledge; need: Need }
  | { kind: 'invalid'; issues: Issue[] }

/** A pledge as the organisation sees it: who, how much, where, and in whose name. */
export interface PledgeLine {
  pledge: Pledge
  person: string
  onBehalf: string | null
  dropPoint: string | null
}

/** Pledging, cancelling and confirming receipt; every use case checks access first. */
export class PledgeService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /**
   * Takes a quantity from what remains. The need's counter moves in ONE conditional update in the
   * transaction that inserts the pledge: whoever comes second for the last units is told what remains.
   */
  async pledge(actor: Actor | null, territory: Territory, needId: string, input: PledgeInput) {
    const me = verified(actor, 'participation:write')
    const need = isUuid(needId) ? await findNeed(this.#db, territory.id, needId) : null
    if (!need || !isPublic(need.status)) throw notFound()
    const organisation = await organisationIn(this.#db, territory.id, need.organisationId)
    if (organisation?.status !== 'verified') throw notFound()
    const issues: Issue[] = []
    if (need.status !== 'open') issues.push({ field: 'quantity', key: 'needs.pledge.notOpen' })
    const quantity = parseQuantity(input.quantity, 'quantity')
    if (typeof quantity !== 'number') issues.push(quantity)
    const points = await dropPointsOf(this.#db, need.id)
    const dropPoint = points.find((p) => p.id === input.dropPointId)
    if (!dropPoint) issues.push({ field: 'dropPointId', key: 'needs.pledge.dropPoint' })
    let onBehalf: { id: string; name: string } | null = null
    if (input.organisationId !== '') {
      const mine = await membershipsOf(this.#db, territory.id, me.accountId)
      onBehalf = mine.find((o) => o.id === input.organisationId) ?? null
      if (!onBehalf) issues.push({ field: 'organisationId', key: 'needs.pledge.organisation' })
    }
    if (issues.length > 0 || typeof quantity !== 'number')
      return {
        kind: 'invalid',
        issues: issues.slice(0, need.status === 'open' ? undefined : 1),
      } as PledgeResult
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const reserved = await reservePledge(tx, territory.id, need.id, quantity, now)
      if (!reserved) {
        const current = (await findNeed(tx, territory.id, need.id)) ?? need
        const issue: Issue =
          current.status !== 'open'
            ? { field: 'quantity', key: 'needs.pledge.notOpen' }
            : {
                field: 'quantity',
                key: 'needs.pledge.overRemaining',
                params: { remaining: formatCount(remaining(current)), unit: current.unit },
              }
        return { kind: 'invalid', issues: [issue] } as PledgeResult
      }
      const pledge: Pledge = {
        id: this.services.ids(),
        needId: need.id,
        accountId: me.accountId,
        organisationId: onBehalf?.id ?? null,
        quantity,
        receivedQuantity: null,
        status: 'pledged',
        dropPointId: dropPoint!.id,
        createdAt: now,
        receivedAt: null,
        receivedBy: null,
        cancelledAt: null,
      }
      await insertPledge(tx, pledge)
      await this.#tellManagers(tx, territory, reserved, pledge, {
        person: me.displayName,
        onBehalf: onBehalf?.name ?? null,
        dropPoint: dropPoint!.name,
      })
      return { kind: 'pledged', pledge, need: reserved } as PledgeResult
    })
  }

  /** One's own live pledge goes, and its quantity goes back to what remains. */
  async cancel(actor: Actor | null, territory: Territory, pledgeId: string): Promise<Need> {
    const me = signedIn(actor, 'participation:write')
    const pledge = isUuid(pledgeId) ? await findPledge(this.#db, territory.id, pledgeId) : null
    if (!pledge || pledge.accountId !== me.accountId) throw notFound()
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const cancelled = await cancelPledge(tx, pledge.id, me.accountId, now)
      if (!cancelled) throw new HttpError(409, 'pledge-status')
      return settlePledge(tx, pledge.needId, { giveBack: cancelled.quantity, received: 0 }, now)
    })
  }

  /** One's pledges in the territory, newest first, with the need and its organisation named. */
  async mine(actor: Actor | null, territory: Territory) {
    const me = signedIn(actor, 'organisations:read')
    const rows = await pledgesOfAccount(this.#db, territory.id, me.accountId)
    const orgIds = [...new Set(rows.map((r) => r.need.organisationId))]
    const orgs = await Promise.all(orgIds.map((id) => organisationIn(this.#db, territory.id, id)))
    const names = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])))
    return rows.map((r) => ({ ...r, organisation: names.get(r.need.organisationId) ?? '' }))
  }

  /** The organisations the viewer may pledge in the name of: those they belong to. */
  async onBehalfChoices(actor: Actor | null, territory: Territory) {
    if (!actor) return []
    const mine = await membershipsOf(this.#db, territory.id, actor.accountId)
    return mine.map((o) => ({ id: o.id, name: o.name }))
  }

  /** The need and its pledges, for its organisation's managers and members; 404 for anyone else. */
  async ofNeed(actor: Actor | null, territory: Territory, needId: string) {
    const me = signedIn(actor, 'organisations:read')
    const need = isUuid(needId) ? await findNeed(this.#db, territory.id, needId) : null
    const role =
      need && need.status !== 'removed' ? await roleIn(this.#db, need.organisationId, me.accountId) : null
    if (!need || !role) throw notFound()
    const [pledges, points] = await Promise.all([
      pledgesOfNeed(this.#db, need.id),
      dropPointsOf(this.#db, need.id),
    ])
    return { need, role, lines: await this.#lines(territory, pledges, points) }
  }

  /**
   * The organisation confirms what came of a pledge: all of it (no quantity given) or less; the
   * difference goes back to what remains, and the need is met once the received cover the asked.
   */
  async receive(actor: Actor | null, territory: Territory, pledgeId: string, quantityText: string) {
    const me = verified(actor, 'organisations:write')
    const pledge = isUuid(pledgeId) ? await findPledge(this.#db, territory.id, pledgeId) : null
    const need = pledge ? await findNeed(this.#db, territory.id, pledge.needId) : null
    const role =
      need && need.status !== 'removed' ? await roleIn(this.#db, need.organisationId, me.accountId) : null
    if (!pledge || !need || !role) throw notFound()
    const typed = quantityText.trim()
    const received =
      typed === ''
        ? pledge.quantity
        : /^0+$/.test(typed)
          ? 0
          : parseQuantity(typed, 'received', pledge.quantity)
    if (typeof received !== 'number') return { kind: 'invalid' as const, issues: [received], need, pledge }
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const done = await receivePledge(
        tx,
        { id: pledge.id, needId: need.id },
        { quantity: received, by: me.accountId, at: now },
      )
      if (!done) throw new HttpError(409, 'pledge-status')
      const after = await settlePledge(tx, need.id, { giveBack: pledge.quantity - received, received }, now)
      await this.#tellPledger(tx, territory, after, done)
      return { kind: 'received' as const, need: after, pledge: done }
    })
  }

  async #lines(
    territory: Territory,
    pledges: Pledge[],
    points: { id: string; name: string }[],
  ): Promise<PledgeLine[]> {
    const people = await accountCards(this.#db, [...new Set(pledges.map((p) => p.accountId))])
    const orgIds = [...new Set(pledges.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))]
    const orgs = new Map(
      (await Promise.all(orgIds.map((id) => organisationIn(this.#db, territory.id, id)))).flatMap((o) =>
        o ? [[o.id, o.name] as const] : [],
      ),
    )
    return pledges.map((pledge) => ({
      pledge,
      person: people.get(pledge.accountId)?.displayName ?? '',
      onBehalf: pledge.organisationId ? (orgs.get(pledge.organisationId) ?? null) : null,
      dropPoint: points.find((p) => p.id === pledge.dropPointId)?.name ?? null,
    }))
  }

  /** The organisation's managers hear of each new pledge; the mail goes with the pledge or not at all. */
  async #tellManagers(
    tx: DbOrTx,
    territory: Territory,
    need: Need,
    pledge: Pledge,
    who: { person: string; onBehalf: string | null; dropPoint: string },
  ) {
    const managers = await accountCards(tx, await managerIdsOf(tx, need.organisationId))
    const link = `${territoryBaseUrl(this.services.config, territory)}/besoins/${need.id}/promesses`
    for (const manager of managers.values()) {
      if (manager.id === pledge.accountId || manager.status !== 'active') continue
      await this.services.mailer.send({
        territory,
        to: manager.email,
        locale: isLocale(manager.locale) ? manager.locale : 'fr',
        template: 'need-pledged',
        data: {
          name: manager.displayName,
          person: who.onBehalf ? `${who.person} (${who.onBehalf})` : who.person,
          amount: `${formatCount(pledge.quantity)} ${need.unit}`,
          title: need.title,
          dropPoint: who.dropPoint,
          link,
        },
        tx,
      })
    }
  }

  async #tellPledger(tx: DbOrTx, territory: Territory, need: Need, pledge: Pledge) {
    const person = (await accountCards(tx, [pledge.accountId])).get(pledge.accountId)
    if (!person || person.status !== 'active') return
    await this.services.mailer.send({
      territory,
      to: person.email,
      locale: isLocale(person.locale) ? person.locale : 'fr',
      template: 'pledge-received',
      data: {
        name: person.displayName,
        amount: `${formatCount(pledge.receivedQuantity ?? 0)} ${need.unit}`,
        title: need.title,
        link: `${territoryBaseUrl(this.services.config, territory)}/besoins/${need.id}`,
      },
      tx,
    })
  }
}
