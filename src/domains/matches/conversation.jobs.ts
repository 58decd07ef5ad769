import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, type Locale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type AccountCard, accountCard, accountCards, DEFAULT_NOTIFICATIONS } from '../accounts/index.ts'
import { listingById, listingsByIds } from '../listings/index.ts'
import { notificationUnsubscribeToken } from '../notifications/index.ts'
import { findMatch, hasBlocked, type MatchRow, otherParty } from './match.repository.ts'
import {
  type DigestRow,
  lockMailState,
  type MailState,
  pendingDigests,
  setMailState,
  unmailedFor,
} from './message.repository.ts'

export const CONVERSATION_JOBS = { mail: 'conversation.mail', digest: 'conversation.digest' } as const
/** At most one email per conversation and recipient in this time. */
export const MAIL_WINDOW_MS = 15 * 60_000
/** The messages an email quotes; older unread ones are counted, to be read on the platform. */
export const MAIL_QUOTED = 10
const DAY_S = 86_400
/** A window's own job, claimed by a process whose clock runs a little behind, still sends. */
const CLOCK_SLACK_MS = 5_000

/** The person wants message emails at once, and can receive them. */
function mailable(account: AccountCard | null): account is AccountCard {
  return account !== null && account.status === 'active' && account.emailVerifiedAt !== null
}
const frequencyOf = (account: AccountCard) => account.notifications.messages ?? DEFAULT_NOTIFICATIONS.messages
const localeOf = (account: AccountCard): Locale => (isLocale(account.locale) ? account.locale : 'fr')

/**
 * How a mail names who wrote: on an ask the phone line posted for someone without an account, the
 * author's side is the line, never the agent who typed the message (as on the conversation page).
 */
function senderName(
  recipient: AccountCard,
  sender: AccountCard | undefined,
  listing: { relayed: boolean; authorId: string } | null | undefined,
) {
  if (listing?.relayed && sender?.id === listing.authorId)
    return translator(localeOf(recipient))('conversation.line')
  return sender?.displayName ?? ''
}

const windowKey = (matchId: string, recipientId: string, at: Date) =>
  `${CONVERSATION_JOBS.mail}:${matchId}:${recipientId}:${at.getTime()}`

/**
 * Called in the transaction that saves a message, with the recipient's mail state locked and the
 * message dated after that lock. Without a mail in the last 15 minutes, the job runs at once (keyed
 * by the message, so it never merges into a job that already ran); otherwise one job at the end of
 * the window collects every message written meanwhile (keyed by that time: one job per window,
 * which the other messages of the window find already queued).
 */
export async function queueMessageMail(
  services: AppServices,
  tx: DbOrTx,
  input: {
    match: Pick<MatchRow, 'id' | 'territoryId'>
    recipientId: string
    messageId: string
    state: MailState
    now: Date
  },
): Promise<void> {
  const { match, recipientId, state, now } = input
  const recipient = await accountCard(tx, recipientId)
  if (!mailable(recipient) || frequencyOf(recipient) !== 'immediate') return
  const windowEnd = state.mailedAt ? new Date(state.mailedAt.getTime() + MAIL_WINDOW_MS) : null
  const wait = windowEnd !== null && windowEnd > now
  await services.jobs.enqueueOnce(
    CONVERSATION_JOBS.mail,
    { matchId: match.id, recipientId },
    {
      tx,
      territoryId: match.territoryId,
      runAt: wait ? windowEnd : now,
      dedupeKey: wait
        ? windowKey(match.id, recipientId, windowEnd)
        : `${CONVERSATION_JOBS.mail}:${match.id}:${recipientId}:message:${input.messageId}`,
    },
  )
}

interface Parties {
  territory: Territory
  match: MatchRow
  title: string
  sender: AccountCard
  listing: { relayed: boolean; authorId: string } | null
}

/** Read before the transaction: the embedded database has one connection, the transaction holds it. */
async function partiesOf(services: AppServices, territoryId: string, matchId: string, recipientId: string) {
  const { db } = services.database
  const territory = (await services.territories.list()).find((t) => t.id === territoryId)
  const match = territory ? await findMatch(db, territory.id, matchId) : null
  if (!territory || !match) return null
  const [listing, sender] = await Promise.all([
    listingById(db, territory.id, match.listingId),
    accountCard(db, otherParty(match, recipientId)),
  ])
  return sender
    ? ({ territory, match, title: listing?.title ?? '', sender, listing: listing ?? null } satisfies Parties)
    : null
}

function links(services: AppServices, territory: Territory, recipient: AccountCard) {
  const base = territoryBaseUrl(services.config, territory)
  const token = notificationUnsubscribeToken(services.config.appSecret, recipient.id, 'messages')
  const unsubscribe = `${base}/notifications/desabonnement?jeton=${token}`
  return {
    base,
    unsubscribe,
    // RFC 8058: the mail client offers « se désabonner » and POSTs to the address itself.
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

/**
 * One email listing what the recipient has neither seen nor been mailed in this conversation.
 * The mail and the new state are written in one transaction: a retry after a crash finds the
 * messages already covered and sends nothing twice. Seen messages are never mailed.
 */
export async function sendMessageMail(
  services: AppServices,
  input: { territoryId: string; matchId: string; recipientId: string },
): Promise<boolean> {
  const parties = await partiesOf(services, input.territoryId, input.matchId, input.recipientId)
  if (!parties) return false
  const { territory, match, title, sender, listing } = parties
  return services.database.db.transaction(async (tx) => {
    const state = await lockMailState(tx, match.id, input.recipientId)
    const now = services.clock.now()
    const recipient = await accountCard(tx, input.recipientId)
    if (!mailable(recipient) || frequencyOf(recipient) !== 'immediate') return false
    if (await hasBlocked(tx, recipient.id, sender.id)) return false
    const windowEnd = state.mailedAt ? new Date(state.mailedAt.getTime() + MAIL_WINDOW_MS) : null
    if (windowEnd && windowEnd.getTime() > now.getTime() + CLOCK_SLACK_MS) {
      // Another job mailed this conversation moments ago: what is left waits for the window's job.
      await services.jobs.enqueueOnce(
        CONVERSATION_JOBS.mail,
        { matchId: match.id, recipientId: recipient.id },
        {
          tx,
          territoryId: territory.id,
          runAt: windowEnd,
          dedupeKey: windowKey(match.id, recipient.id, windowEnd),
        },
      )
      return false
    }
    const pending = await unmailedFor(tx, match.id, recipient.id, state.mailedUpTo)
    const last = pending.at(-1)
    if (!last) return false
    const quoted = pending.slice(-MAIL_QUOTED)
    const { base, unsubscribe, headers } = links(services, territory, recipient)
    await services.mailer.send({
      tx,
      territory,
      to: recipient.email,
      locale: localeOf(recipient),
      template: 'conversation-messages',
      data: {
        name: senderName(recipient, sender, listing),
        title,
        count: String(pending.length),
        messages: JSON.stringify(quoted.map((m) => m.body)),
        older: String(pending.length - quoted.length),
        link: `${base}/mises-en-relation/${match.id}#conversation`,
        unsubscribe,
      },
      headers,
    })
    await setMailState(tx, match.id, recipient.id, { mailedAt: now, mailedUpTo: last.createdAt })
    return true
  })
}

/**
 * The daily digest for people who chose « une fois par jour » for messages: one email per person
 * and territory naming each conversation with unread messages. Each is marked in the transaction
 * that writes its email, so a second run the same day sends nothing again.
 */
export async function sendMessageDigests(services: AppServices): Promise<number> {
  const { db } = services.database
  const territories = new Map((await services.territories.list()).map((t) => [t.id, t]))
  const pending = await pendingDigests(db)
  // Every person the digests name, recipients and senders, in one query.
  const people = await accountCards(
    db,
    pending.flatMap((r) => [r.recipientId, r.senderId]),
  )
  // Only those who chose « une fois par jour » for messages get a digest.
  const daily = pending.filter((r) => people.get(r.recipientId)?.notifications.messages === 'daily')
  const groups = new Map<string, DigestRow[]>()
  for (const row of daily) {
    const key = `${row.recipientId}:${row.territoryId}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  let sent = 0
  for (const rows of groups.values()) {
    const first = rows[0]!
    const territory = territories.get(first.territoryId)
    const recipient = people.get(first.recipientId) ?? null
    if (!territory || !mailable(recipient)) continue
    const items: { name: string; title: string; count: number; link: string; row: DigestRow }[] = []
    const { base, unsubscribe, headers } = links(services, territory, recipient)
    const listings = await listingsByIds(
      db,
      territory.id,
      rows.map((r) => r.listingId),
    )
    for (const row of rows) {
      if (await hasBlocked(db, recipient.id, row.senderId)) continue
      const sender = people.get(row.senderId)
      const listing = listings.get(row.listingId)
      const link = `${base}/mises-en-relation/${row.matchId}#conversation`
      items.push({
        name: senderName(recipient, sender, listing),
        title: listing?.title ?? '',
        count: row.count,
        link,
        row,
      })
    }
    if (items.length === 0) continue
    const now = services.clock.now()
    await db.transaction(async (tx) => {
      await services.mailer.send({
        tx,
        territory,
        to: recipient.email,
        locale: localeOf(recipient),
        template: 'conversation-digest',
        data: {
          count: String(items.reduce((n, i) => n + i.count, 0)),
          items: JSON.stringify(items.map(({ name, title, count, link }) => ({ name, title, count, link }))),
          unsubscribe,
        },
        headers,
      })
      for (const { row } of items)
        await setMailState(tx, row.matchId, recipient.id, { mailedAt: now, mailedUpTo: row.lastAt })
    })
    sent += 1
  }
  return sent
}

export function registerConversationJobs(services: AppServices): void {
  services.worker.register(CONVERSATION_JOBS.mail, async (payload, ctx) => {
    await sendMessageMail(services, {
      territoryId: String(ctx.territoryId ?? ''),
      matchId: String(payload.matchId),
      recipientId: String(payload.recipientId),
    })
  })
  services.worker.register(CONVERSATION_JOBS.digest, async () => {
    await sendMessageDigests(services)
  })
}

/** The daily digest runs at 7:00 UTC (8:00 or 9:00 in Paris), one job per day whatever the number of processes. */
export async function scheduleConversationJobs(services: AppServices): Promise<void> {
  const now = services.clock.now()
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7))
  if (first <= now) first.setUTCDate(first.getUTCDate() + 1)
  await services.jobs.scheduleRecurring(CONVERSATION_JOBS.digest, DAY_S, { firstRunAt: first })
}
