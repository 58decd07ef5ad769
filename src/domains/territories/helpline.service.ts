import type { AuditAction } from '../../platform/audit/audit.ts'
import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { forbidden, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import {
  countHelpPoints,
  deleteHelpPoint,
  forgetHelpPoints,
  insertHelpPoint,
  listHelpPoints,
  lockTerritory,
  setHelpPointPosition,
  updateHelpPoint,
} from './help-point.repository.ts'
import {
  checkHelpline,
  checkHelpPoint,
  HELP_POINTS_MAX,
  type HelplineInput,
  type HelpPoint,
  type HelpPointInput,
} from './help-point.ts'
import { updateHelpline } from './territory.repository.ts'

export type Saved =
  | { kind: 'saved' }
  /** choices: the communes the typed text fits, when it fits several */
  | { kind: 'invalid'; issues: Issue[]; choices: Commune[] }

function allow(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'helpline:configure')) throw forbidden()
  return actor
}

/**
 * The territory's phone line and help points, kept by its administrators. Every change is written
 * with its audit entry in one transaction; then the cached copies (the territory every request
 * carries, the help points of the public pages) are forgotten so the next page shows the change.
 */
export class HelplineService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The list as it is now, never a cached copy: administrators change what they see. */
  async manageList(actor: Actor | null, territory: Territory): Promise<HelpPoint[]> {
    allow(actor)
    return listHelpPoints(this.#db, territory.id)
  }

  /** Another territory's help point, or an id that names none, is « not found ». */
  async manageFind(actor: Actor | null, territory: Territory, id: string): Promise<HelpPoint> {
    const points = await this.manageList(actor, territory)
    const found = isUuid(id) ? points.find((p) => p.id === id) : undefined
    if (!found) throw notFound()
    return found
  }

  async saveHelpline(actor: Actor | null, territory: Territory, input: HelplineInput): Promise<Saved> {
    const me = allow(actor)
    const { value, issues } = checkHelpline(input)
    if (issues.length > 0) return { kind: 'invalid', issues, choices: [] }
    await this.#db.transaction(async (tx) => {
      await updateHelpline(
        tx,
        territory.id,
        { helplinePhone: value.phone, helplineHours: value.hours },
        this.services.clock.now(),
      )
      await this.#audit(tx, territory, me, 'territory.helpline-changed', territory.id, {
        phone: value.phone ? 'set' : 'cleared',
        hours: value.hours ? 'set' : 'cleared',
      })
    })
    this.services.tenancy.forget()
    return { kind: 'saved' }
  }

  async addHelpPoint(actor: Actor | null, territory: Territory, input: HelpPointInput): Promise<Saved> {
    const me = allow(actor)
    const issues: Issue[] = []
    const fields = checkHelpPoint(input, issues)
    const { commune, choices } = await this.#commune(territory, input.commune, issues)
    if (issues.length > 0 || !commune) return { kind: 'invalid', issues, choices }
    const id = this.services.ids()
    const full = await this.#db.transaction(async (tx) => {
      await lockTerritory(tx, territory.id)
      if ((await countHelpPoints(tx, territory.id)) >= HELP_POINTS_MAX) return true
      await insertHelpPoint(tx, territory.id, { id, ...fields, communeInsee: commune.insee }, this.#now())
      await this.#audit(tx, territory, me, 'territory.help-point-changed', id, { change: 'added' })
      return false
    })
    if (full) {
      const tooMany: Issue = {
        field: 'name',
        key: 'helpPoint.error.tooMany',
        params: { max: HELP_POINTS_MAX },
      }
      return { kind: 'invalid', issues: [tooMany], choices: [] }
    }
    forgetHelpPoints(territory.id)
    return { kind: 'saved' }
  }

  async editHelpPoint(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: HelpPointInput,
  ): Promise<Saved> {
    const me = allow(actor)
    const current = await this.manageFind(me, territory, id)
    const issues: Issue[] = []
    const fields = checkHelpPoint(input, issues)
    const { commune, choices } = await this.#commune(territory, input.commune, issues)
    if (issues.length > 0 || !commune) return { kind: 'invalid', issues, choices }
    await this.#db.transaction(async (tx) => {
      const changed = { ...fields, communeInsee: commune.insee }
      if (!(await updateHelpPoint(tx, territory.id, current.id, changed, this.#now()))) throw notFound()
      await this.#audit(tx, territory, me, 'territory.help-point-changed', current.id, { change: 'edited' })
    })
    forgetHelpPoints(territory.id)
    return { kind: 'saved' }
  }

  /** The removed point's name, for the page that says it is gone. */
  async removeHelpPoint(actor: Actor | null, territory: Territory, id: string): Promise<string> {
    const me = allow(actor)
    const current = await this.manageFind(me, territory, id)
    await this.#db.transaction(async (tx) => {
      if (!(await deleteHelpPoint(tx, territory.id, current.id))) throw notFound()
      await this.#audit(tx, territory, me, 'territory.help-point-changed', current.id, { change: 'removed' })
    })
    forgetHelpPoints(territory.id)
    return current.name
  }

  /** Swaps with the neighbour above or below; at either end nothing moves. */
  async moveHelpPoint(
    actor: Actor | null,
    territory: Territory,
    id: string,
    direction: 'up' | 'down',
  ): Promise<string> {
    const me = allow(actor)
    const current = await this.manageFind(me, territory, id)
    await this.#db.transaction(async (tx) => {
      await lockTerritory(tx, territory.id)
      const order = await listHelpPoints(tx, territory.id)
      const at = order.findIndex((p) => p.id === current.id)
      const to = direction === 'up' ? at - 1 : at + 1
      if (at < 0 || to < 0 || to >= order.length) return
      ;[order[at], order[to]] = [order[to]!, order[at]!]
      // Numbered again from 0: positions written by hand or left by removals never tie.
      for (const [position, point] of order.entries()) {
        if (point.position !== position)
          await setHelpPointPosition(tx, territory.id, point.id, position, this.#now())
      }
      await this.#audit(tx, territory, me, 'territory.help-point-changed', current.id, {
        change: direction === 'up' ? 'moved-up' : 'moved-down',
      })
    })
    forgetHelpPoints(territory.id)
    return current.name
  }

  async #commune(territory: Territory, typed: string, issues: Issue[]) {
    const text = typed.trim()
    if (text === '') {
      issues.push({ field: 'commune', key: 'helpPoint.error.commune' })
      return { commune: null, choices: [] }
    }
    const found = await this.services.communes.resolve(territory, text)
    if (found.kind === 'one') return { commune: found.commune, choices: [] }
    if (found.kind === 'many') {
      issues.push({ field: 'commune', key: 'helpPoint.error.communeMany' })
      return { commune: null, choices: found.communes }
    }
    issues.push({ field: 'commune', key: 'helpPoint.error.communeUnknown' })
    return { commune: null, choices: [] }
  }

  #now() {
    return this.services.clock.now()
  }

  async #audit(
    tx: DbOrTx,
    territory: Territory,
    me: Actor,
    action: AuditAction,
    targetId: string,
    details: Record<string, string>,
  ) {
    await this.services.audit.record(
      { territoryId: territory.id, actorId: me.accountId, action, targetId, details },
      tx,
    )
  }
}
