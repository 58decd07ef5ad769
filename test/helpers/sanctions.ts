import { and, eq } from 'drizzle-orm'
import { suspendAccount } from '../../src/domains/accounts/index.ts'
import { hideListingsOf } from '../../src/domains/listings/index.ts'
import { appeals, sanctions } from '../../src/domains/moderation/moderation.schema.ts'
import { insertSanction, type NewSanction } from '../../src/domains/moderation/sanction.repository.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import { randomToken, sha256 } from '../../src/platform/auth/secrets.ts'
import { reviewItems } from '../../src/platform/review/review.schema.ts'
import { submitForReview } from '../../src/platform/review/review-queue.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { accounts, listings } from '../../src/schema.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import { buildTestApp, type TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'
import { type ReceivedMail, type SmtpReceiver, startSmtpReceiver } from './smtp.ts'

/**
 * A decision as the moderation queue writes it, for the tests of what follows: the sanction row
 * with the hash of its mailed appeal link (returned in the clear, as the mail would carry it),
 * and for a suspension or a ban the account suspended and its listings hidden, in one transaction.
 */
export async function makeSanction(
  t: TestApp,
  territory: Territory,
  fields: Pick<NewSanction, 'accountId' | 'kind' | 'decidedBy'> & Partial<NewSanction>,
): Promise<{ id: string; token: string }> {
  const token = randomToken()
  const now = t.clock.now()
  const id = t.app.services.ids()
  await t.db.db.transaction(async (tx) => {
    await insertSanction(tx, {
      id,
      territoryId: territory.id,
      itemId: null,
      reason: 'money-request',
      explanation: 'Vous avez demandé 20 € pour un service.',
      decidedAt: now,
      endsAt: fields.kind === 'suspend' ? new Date(now.getTime() + 7 * 86_400_000) : null,
      appealTokenHash: sha256(token),
      ...fields,
    })
    if (fields.kind === 'suspend' || fields.kind === 'ban') {
      await suspendAccount(t.app.services, tx, fields.accountId, now)
      await hideListingsOf(tx, territory.id, fields.accountId, now)
    }
  })
  return { id, token }
}

/** A queue item about `subject`, decided as the decision that produced a sanction would leave it. */
export async function makeDecidedItem(
  t: TestApp,
  territory: Territory,
  subject: { kind: 'listing' | 'message' | 'account'; id: string; accountId: string },
): Promise<string> {
  const { id } = await submitForReview(
    t.db.db,
    {
      territoryId: territory.id,
      subjectKind: subject.kind,
      subjectId: subject.id,
      cause: 'report',
      accountId: subject.accountId,
    },
    { id: t.app.services.ids(), now: t.clock.now() },
  )
  await t.db.db
    .update(reviewItems)
    .set({ status: 'decided', decision: 'hidden', decidedAt: t.clock.now() })
    .where(eq(reviewItems.id, id))
  return id
}

export const sanctionRow = async (t: TestApp, id: string) =>
  (await t.db.db.select().from(sanctions).where(eq(sanctions.id, id)))[0]

export const appealRows = (t: TestApp, sanctionId: string) =>
  t.db.db.select().from(appeals).where(eq(appeals.sanctionId, sanctionId))

export const appealItems = (t: TestApp, appealId: string) =>
  t.db.db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.subjectKind, 'appeal'), eq(reviewItems.subjectId, appealId)))

export const auditRows = (t: TestApp, action: string, targetId: string) =>
  t.db.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))

/** Counts every appeal, to show that a refused one wrote nothing. */
export const appealCount = async (t: TestApp) =>
  (await t.db.db.select({ id: appeals.id }).from(appeals)).length

export interface SanctionWorld {
  territory: Territory
  other: Territory
  host: string
  person: Account & { password: string }
  bystander: Account & { password: string }
  /** decides the sanctions; may not review their appeals */
  judge: Account & { password: string }
  /** another moderator, who reviews */
  reviewer: Account & { password: string }
  third: Account & { password: string }
  foreignModerator: Account & { password: string }
  client(account?: { id: string; territoryId: string }, staff?: boolean): Promise<Client>
  /** a new resident of the territory, for a test that sanctions someone */
  newPerson(name?: string): Promise<Account & { password: string }>
}

let worlds = 0

/** A territory with a person to sanction, a bystander, three moderators, and another territory with its own. */
export async function sanctionWorld(t: TestApp): Promise<SanctionWorld> {
  worlds += 1
  const host = `recours${worlds}.entraide.test`
  const territory = await makeTerritory(t.app.services, { hostnames: [host] })
  const other = await makeTerritory(t.app.services)
  const moderator = { roles: ['moderator' as const] }
  const world = {
    territory,
    other,
    host,
    person: await makeAccount(t, territory, { displayName: 'Paulette Durand' }),
    bystander: await makeAccount(t, territory),
    judge: await makeAccount(t, territory, { ...moderator, displayName: 'Jules Juge' }),
    reviewer: await makeAccount(t, territory, { ...moderator, displayName: 'Rita Relectrice' }),
    third: await makeAccount(t, territory, moderator),
    foreignModerator: await makeAccount(t, other, moderator),
  }
  return {
    ...world,
    newPerson: (displayName = 'Paulette Durand') => makeAccount(t, territory, { displayName }),
    async client(account, staff = false) {
      const c = new Client(t, account?.territoryId === other.id ? other.hostnames[0]! : host)
      if (account) await c.signInDirectly(account, { secondFactor: staff, staff })
      return c
    },
  }
}

/** An app that mails to a receiver, its sanction world, and what the tests of a sanction's consequences read. */
export interface SanctionRun {
  t: TestApp
  w: SanctionWorld
  smtp: SmtpReceiver
  /** the mails sent to `address` so far, once the jobs due have run */
  mailsTo(address: string): Promise<ReceivedMail[]>
  accountStatus(id: string): Promise<string | undefined>
  listingStatus(id: string): Promise<string | undefined>
  /** closes the app, then the receiver */
  close(): Promise<void>
}

export async function startSanctionRun(): Promise<SanctionRun> {
  const smtp = await startSmtpReceiver()
  let t: TestApp
  try {
    t = await buildTestApp({ SMTP_URL: smtp.url })
  } catch (error) {
    await smtp.close()
    throw error
  }
  return {
    t,
    w: await sanctionWorld(t),
    smtp,
    async mailsTo(address) {
      await t.app.services.worker.runDue()
      return smtp.messages.filter((m) => m.to.includes(address))
    },
    accountStatus: async (id) =>
      (await t.db.db.select({ s: accounts.status }).from(accounts).where(eq(accounts.id, id)))[0]?.s,
    listingStatus: async (id) =>
      (await t.db.db.select({ s: listings.status }).from(listings).where(eq(listings.id, id)))[0]?.s,
    async close() {
      await t.close()
      await smtp.close()
    },
  }
}
