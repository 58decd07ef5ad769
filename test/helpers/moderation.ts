import { eq } from 'drizzle-orm'
import type { StaffRole } from '../../src/domains/accounts/identity/account.schema.ts'
import { reviewItems } from '../../src/platform/review/review.schema.ts'
import { type ReviewSubmission, submitForReview } from '../../src/platform/review/review-queue.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { messages } from '../../src/schema.ts'
import { Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeMatch } from './conversations.ts'
import { makeTerritory } from './factories.ts'
import { makeListing } from './listings.ts'

export const QUEUE = '/administration/moderation'

export type Person = Awaited<ReturnType<typeof makeAccount>>

/** A territory with two moderators (Camille, Dominique), an administrator and two residents. */
export async function moderationWorld(t: TestApp) {
  const territory = await makeTerritory(t.app.services)
  const host = territory.hostnames[0]!
  const staff = (name: string, roles: StaffRole[]) => makeAccount(t, territory, { displayName: name, roles })
  const camille = await staff('Camille', ['moderator'])
  const dominique = await staff('Dominique', ['moderator'])
  const admin = await staff('Claire', ['administrator'])
  const jeanne = await makeAccount(t, territory, { displayName: 'Jeanne', email: 'jeanne@exemple.test' })
  const karim = await makeAccount(t, territory, { displayName: 'Karim', email: 'karim@exemple.test' })
  const client = (who: { id: string; territoryId: string }, staffSession = true) =>
    new Client(t, host).signInDirectly(who, staffSession ? { secondFactor: true, staff: true } : {})
  return { territory, host, camille, dominique, admin, jeanne, karim, client }
}
export type ModerationWorld = Awaited<ReturnType<typeof moderationWorld>>

/** Puts something in the queue as a source would, in its own statement. */
export async function queueItem(
  t: TestApp,
  territory: Territory,
  item: Omit<ReviewSubmission, 'territoryId'>,
): Promise<string> {
  const { id } = await submitForReview(
    t.db.db,
    { territoryId: territory.id, ...item },
    {
      id: t.app.services.ids(),
      now: t.clock.now(),
    },
  )
  return id
}

/** A listing the free-help rule held, waiting in the queue. */
export async function heldListing(t: TestApp, w: ModerationWorld, author: Person = w.jeanne) {
  const listing = await makeListing(t, w.territory, author, {
    status: 'held',
    holdReasons: ['price'],
    title: 'Tonte de pelouse',
    description: 'Je tonds votre pelouse pour 20 euros.',
  })
  const itemId = await queueItem(t, w.territory, {
    subjectKind: 'listing',
    subjectId: listing.id,
    cause: 'money-wording',
    accountId: author.id,
    label: listing.title,
    details: ['price'],
  })
  return { listing, itemId }
}

/** A reported message of `sender` in an accepted match, with two messages before and after it. */
export async function reportedMessage(t: TestApp, w: ModerationWorld) {
  const match = await makeMatch(t, w.territory, { author: w.jeanne, responder: w.karim })
  const ids: string[] = []
  for (const [i, body] of [
    'Bonjour',
    'Je peux venir samedi',
    'Envoyez-moi 50 euros',
    'Pardon ?',
    'Merci',
  ].entries()) {
    const id = t.app.services.ids()
    ids.push(id)
    await t.db.db.insert(messages).values({
      id,
      territoryId: w.territory.id,
      matchId: match.id,
      senderId: i % 2 === 0 ? w.karim.id : w.jeanne.id,
      body,
      createdAt: new Date(t.clock.now().getTime() + i * 60_000),
    })
  }
  const messageId = ids[2]!
  const itemId = await queueItem(t, w.territory, {
    subjectKind: 'message',
    subjectId: messageId,
    cause: 'report',
    priority: 1,
    accountId: w.karim.id,
    details: ['scam'],
    report: true,
  })
  return { match, messageId, itemId }
}

export async function itemRow(t: TestApp, id: string) {
  const [row] = await t.db.db.select().from(reviewItems).where(eq(reviewItems.id, id))
  return row!
}

/** The version a moderator's open page names, as the hidden field carries it. */
export function versionOf(html: string): string {
  return /name="version" value="(\d+)"/.exec(html)?.[1] ?? ''
}
