import { randomToken, sha256 } from '../../platform/auth/secrets.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { formatDateTime, isLocale, type MessageKey, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards, suspendAccount } from '../accounts/index.ts'
import { hideListingsOf } from '../listings/index.ts'
import { matchesInProgressWith } from '../matches/index.ts'
import type { SanctionKind, SanctionReason } from './moderation.schema.ts'
import type { ReviewItemRow } from './queue.repository.ts'
import { reasonKeys } from './queue.ts'
import { insertSanction } from './sanction.repository.ts'

const DAY_MS = 86_400_000
/** « votre annonce », « votre message », « votre compte »: what the mail names. */
export const mailKindKeys = {
  listing: 'decision.mail.kind.listing',
  mission: 'decision.mail.kind.mission',
  need: 'decision.mail.kind.need',
  message: 'decision.mail.kind.message',
  account: 'decision.mail.kind.account',
  organisation: 'decision.mail.kind.organisation',
  appeal: 'decision.mail.kind.appeal',
} as const satisfies Record<ReviewItemRow['subjectKind'], MessageKey>

export interface SanctionInput {
  item: ReviewItemRow
  accountId: string
  kind: SanctionKind
  reason: SanctionReason
  explanation: string
  days: number | null
  by: string
  now: Date
}

/**
 * Writes the sanction and what it does to the person, in the decision's transaction: the row
 * with the hash of its appeal link, the account suspended at once for a suspension or a ban
 * (sessions and tokens end, open listings leave view), the other party of each exchange in
 * progress told without detail, and the person's mail with the link. Returns the sanction's id.
 */
export async function applySanction(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  input: SanctionInput,
): Promise<string> {
  const { accountId, kind, now } = input
  const id = services.ids()
  const token = randomToken()
  const endsAt = kind === 'suspend' && input.days ? new Date(now.getTime() + input.days * DAY_MS) : null
  await insertSanction(tx, {
    id,
    territoryId: territory.id,
    accountId,
    itemId: input.item.id,
    kind,
    reason: input.reason,
    explanation: input.explanation,
    decidedBy: input.by,
    decidedAt: now,
    endsAt,
    appealTokenHash: sha256(token),
  })
  if (kind === 'suspend' || kind === 'ban') {
    await suspendAccount(services, tx, accountId, now)
    await hideListingsOf(tx, territory.id, accountId, now)
    await tellOtherParties(services, tx, territory, accountId)
  }
  await mailPerson(services, tx, territory, { ...input, endsAt, token })
  return id
}

async function mailPerson(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  input: SanctionInput & { endsAt: Date | null; token: string },
): Promise<void> {
  const card = (await accountCards(tx, [input.accountId])).get(input.accountId)
  if (!card) return
  const locale = isLocale(card.locale) ? card.locale : 'fr'
  const t = translator(locale)
  const base = territoryBaseUrl(services.config, territory)
  const kind = t(mailKindKeys[input.item.subjectKind])
  const subject = input.item.label !== '' ? `${kind} « ${input.item.label} »` : kind
  await services.mailer.send({
    territory,
    to: card.email,
    locale,
    template: 'moderation-decision',
    data: {
      name: card.displayName,
      decision: input.kind,
      subject,
      reason: t(reasonKeys[input.reason]),
      explanation: input.explanation,
      ...(input.endsAt ? { until: formatDateTime(input.endsAt, locale) } : {}),
      appealLink: `${base}/recours/${input.token}`,
    },
    tx,
  })
}

/** « La personne ne peut plus poursuivre cet échange pour le moment »: nothing about why. */
async function tellOtherParties(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  accountId: string,
): Promise<void> {
  const exchanges = await matchesInProgressWith(tx, territory.id, accountId)
  if (exchanges.length === 0) return
  const cards = await accountCards(
    tx,
    exchanges.map((e) => e.otherId),
  )
  const base = territoryBaseUrl(services.config, territory)
  for (const exchange of exchanges) {
    const card = cards.get(exchange.otherId)
    if (!card || card.status !== 'active') continue
    await services.mailer.send({
      territory,
      to: card.email,
      locale: isLocale(card.locale) ? card.locale : 'fr',
      template: 'moderation-exchange-paused',
      data: { name: card.displayName, link: `${base}/mises-en-relation/${exchange.matchId}` },
      tx,
    })
  }
}
