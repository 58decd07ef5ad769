import { decrypt, encrypt, randomToken, sha256 } from '../../platform/auth/secrets.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { SuspendedSignIn } from '../accounts/index.ts'
import { accountCard, reactivateAccount } from '../accounts/index.ts'
import { reinstateListing, restoreListingsOf } from '../listings/index.ts'
import { unhideMessage } from '../matches/index.ts'
import { reinstateMission } from '../missions/index.ts'
import { reinstateNeed } from '../needs/index.ts'
import { itemSubject, setAppealTokenHash } from './appeal.repository.ts'
import { liftSanction, type SanctionRow } from './sanction.repository.ts'
import {
  dueSuspensions,
  findSanctionById,
  lockSanction,
  otherRestrictionHolds,
  restrictionsOf,
} from './sanction-life.repository.ts'
import { REASON_LABEL } from './sanction-life.ts'
import { decisionSentence, reasonWords } from './sanction-words.ts'

export const APPEAL_PATH = '/recours'
export const RESEND_PATH = '/recours/renvoyer'
const RESEND_PURPOSE = 'appeal-resend'
const RESEND_LIFETIME_MS = 3_600_000
/** A person who lost the mail asks again once or twice; more is someone playing with the button. */
export const RESEND_LIMIT = { max: 3, windowMs: 3_600_000 }

/**
 * Lifts a sanction and undoes what it did, in the caller's transaction: a suspension or a ban
 * gives the account back (unless another one still holds) with the listings it hid; a decision
 * on a listing or a message overturned on appeal shows them again. False when already lifted.
 */
export async function liftWithEffects(
  services: AppServices,
  tx: DbOrTx,
  sanction: SanctionRow,
  by: string | null,
  now: Date,
): Promise<boolean> {
  const lifted = await liftSanction(tx, sanction.id, by, now)
  if (!lifted) return false
  if (sanction.kind === 'suspend' || sanction.kind === 'ban') {
    if (!(await otherRestrictionHolds(tx, sanction.accountId, sanction.id, now))) {
      await reactivateAccount(tx, sanction.accountId, now)
      await restoreListingsOf(tx, sanction.territoryId, sanction.accountId, now)
    }
  } else if (sanction.kind !== 'warn') {
    const subject = await itemSubject(tx, sanction.itemId)
    if (subject?.kind === 'listing') await reinstateListing(tx, sanction.territoryId, subject.id, now)
    if (subject?.kind === 'message') await unhideMessage(tx, sanction.territoryId, subject.id)
    // A mission or a need is published again in the name of the moderator who granted the appeal.
    const reinstated = { territoryId: sanction.territoryId, id: subject?.id ?? '', actorId: by ?? '', now }
    if (by && subject?.kind === 'mission') await reinstateMission(services, tx, reinstated)
    if (by && subject?.kind === 'need') await reinstateNeed(services, tx, reinstated)
  }
  await services.audit.record(
    {
      territoryId: sanction.territoryId,
      actorId: by,
      action: 'sanction.lifted',
      targetId: sanction.accountId,
      details: { sanctionId: sanction.id, kind: sanction.kind, on: by ? 'appeal' : 'end' },
    },
    tx,
  )
  return true
}

/** Read before a transaction opens: a second connection asked for inside one may never come. */
async function territoriesById(services: AppServices): Promise<Map<string, Territory>> {
  return new Map((await services.territories.list()).map((t) => [t.id, t]))
}

/**
 * The recurring job: every suspension whose time is up is lifted, its effects undone and the
 * person told by mail, each in its own transaction with its mail. A second run finds nothing.
 */
export async function endDueSuspensions(services: AppServices): Promise<number> {
  const { database, clock, config, mailer } = services
  let ended = 0
  const territories = await territoriesById(services)
  for (;;) {
    const batch = await database.db.transaction(async (tx) => {
      const now = clock.now()
      const due = await dueSuspensions(tx, now, 50)
      for (const sanction of due) {
        if (!(await liftWithEffects(services, tx, sanction, null, now))) continue
        const person = await accountCard(tx, sanction.accountId)
        const territory = territories.get(sanction.territoryId)
        if (!person || person.status !== 'active' || !territory) continue
        await mailer.send({
          territory,
          to: person.email,
          locale: isLocale(person.locale) ? person.locale : 'fr',
          template: 'suspension-ended',
          data: {
            name: person.displayName,
            link: `${territoryBaseUrl(config, territory)}/connexion`,
          },
          tx,
        })
      }
      return due.length
    })
    ended += batch
    if (batch < 50) return ended
  }
}

/** The sanction's id sealed for an hour, for the form that mails the decision again (see login). */
function sealSanction(secret: string, id: string, now: Date): string {
  return encrypt(secret, JSON.stringify({ s: id, e: now.getTime() + RESEND_LIFETIME_MS }), RESEND_PURPOSE)
}

function openSealedSanction(secret: string, sealed: unknown, now: Date): string | null {
  if (typeof sealed !== 'string' || sealed.length > 500) return null
  try {
    const { s, e } = JSON.parse(decrypt(secret, sealed, RESEND_PURPOSE)) as { s?: unknown; e?: unknown }
    return typeof s === 'string' && typeof e === 'number' && e >= now.getTime() ? s : null
  } catch {
    return null
  }
}

/** Moderation's answer to a suspended person who gave the right password (see `SuspendedSignIn`). */
export const suspendedSignIn: SuspendedSignIn = async (services, accountId) => {
  const { database, clock, config } = services
  const now = clock.now()
  const restrictions = await restrictionsOf(database.db, accountId)
  if (restrictions.length === 0) return null
  const holding = restrictions.filter((s) => s.kind === 'ban' || (s.endsAt && s.endsAt > now))
  const first = holding[0]
  if (!first) {
    // Over, but the job has not run yet: lifted here, so the person signs in at once.
    await database.db.transaction(async (tx) => {
      for (const s of restrictions) {
        const locked = await lockSanction(tx, s.id)
        if (locked && !locked.liftedAt) await liftWithEffects(services, tx, locked, null, now)
      }
    })
    return 'lifted'
  }
  return {
    kind: first.kind === 'ban' ? 'ban' : 'suspend',
    until: first.kind === 'ban' ? null : first.endsAt,
    reason: REASON_LABEL[first.reason],
    resend: { action: RESEND_PATH, fields: { decision: sealSanction(config.appSecret, first.id, now) } },
  }
}

/**
 * Mails the decision again with a new appeal link, which replaces the old one (a lost mail may
 * be in someone else's hands). Null when the sealed form is altered or expired.
 */
export async function resendDecision(services: AppServices, sealed: unknown): Promise<'sent' | null> {
  const { database, clock, config, mailer, rateLimiter } = services
  const now = clock.now()
  const id = openSealedSanction(config.appSecret, sealed, now)
  if (!id) return null
  await rateLimiter.hit(`appeal-resend:${id}`, RESEND_LIMIT)
  const sanction = await findSanctionById(database.db, id)
  const person = sanction && (await accountCard(database.db, sanction.accountId))
  const territory = sanction && (await territoriesById(services)).get(sanction.territoryId)
  if (!sanction || !person || !territory) return null
  return database.db.transaction(async (tx) => {
    const token = randomToken()
    await setAppealTokenHash(tx, sanction.id, sha256(token))
    const locale = isLocale(person.locale) ? person.locale : 'fr'
    const t = translator(locale)
    await mailer.send({
      territory,
      to: person.email,
      locale,
      template: 'sanction-reminder',
      data: {
        name: person.displayName,
        what: decisionSentence(t, locale, sanction),
        reason: reasonWords(t, sanction),
        explanation: sanction.explanation,
        link: `${territoryBaseUrl(config, territory)}${APPEAL_PATH}/${token}`,
      },
      tx,
    })
    return 'sent' as const
  })
}
