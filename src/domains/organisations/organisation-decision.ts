import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards } from '../accounts/index.ts'
import { listMembers } from './member.repository.ts'
import { roleIn } from './membership.repository.ts'
import { type Organisation, setStatusIf } from './organisation.repository.ts'
import { type Decision, type DecisionReason, decisions } from './organisation.ts'
import { verificationDecided } from './organisation-review.ts'
import { recordOrganisationVerified } from './organisation-stats.ts'
import { REASON_LABEL } from './views/labels.ts'

const auditAction = {
  verify: 'organisation.verified',
  refuse: 'organisation.refused',
  suspend: 'organisation.suspended',
  reinstate: 'organisation.reinstated',
} as const

export type DecisionResult = { kind: 'done' } | { kind: 'already-decided' }

/**
 * A staff decision on an organisation, in the caller's transaction (the verification pages and
 * the moderation queue both decide through it). The status changes only if it is still the one
 * the decision starts from, so that two people deciding at the same moment do not both apply
 * theirs; nobody decides on an organisation they belong to; the managers' mails go in the same
 * transaction.
 */
export async function applyOrganisationDecision(
  services: AppServices,
  tx: DbOrTx,
  input: {
    territory: Territory
    organisation: Organisation
    actorId: string
    decision: Decision
    reason: { code: DecisionReason | null; text: string }
    details?: Record<string, string>
  },
): Promise<DecisionResult | { kind: 'own' }> {
  const { territory, organisation, decision, reason } = input
  const rule = decisions[decision]
  if (!(rule.from as readonly string[]).includes(organisation.status)) return { kind: 'already-decided' }
  // Nobody decides on an organisation they belong to: a producer never validates itself, even
  // through a partner its manager also runs.
  if (await roleIn(tx, organisation.id, input.actorId)) return { kind: 'own' }
  const fr = translator('fr')
  const statusReason =
    reason.code === null ? null : [fr(REASON_LABEL[reason.code]), reason.text].filter(Boolean).join(' : ')
  const now = services.clock.now()
  const managers = (await listMembers(tx, organisation.id)).filter((m) => m.role === 'manager')
  const cards = await accountCards(
    tx,
    managers.map((m) => m.accountId),
  )
  const changed = await setStatusIf(tx, territory.id, organisation.id, rule.from, {
    status: rule.to,
    statusReason: rule.to === 'verified' ? null : statusReason,
    ...(decision === 'verify' ? { verifiedAt: now, verifiedBy: input.actorId } : {}),
    updatedAt: now,
  })
  if (!changed) return { kind: 'already-decided' }
  if (decision === 'verify') await recordOrganisationVerified(tx, organisation, now)
  if (decision === 'verify' || decision === 'refuse') await verificationDecided(services, tx, organisation)
  await services.audit.record(
    {
      territoryId: territory.id,
      actorId: input.actorId,
      action: auditAction[decision],
      targetId: organisation.id,
      details: { ...input.details, ...(reason.code ? { reason: reason.code } : {}) },
    },
    tx,
  )
  for (const card of cards.values()) {
    await services.mailer.send({
      tx,
      territory,
      to: card.email,
      locale: isLocale(card.locale) ? card.locale : 'fr',
      template: 'organisation-decision',
      data: {
        organisation: organisation.name,
        decision,
        reason: rule.to === 'verified' ? '' : (statusReason ?? ''),
        link: `${territoryBaseUrl(services.config, territory)}/organisations/${organisation.id}`,
      },
    })
  }
  return { kind: 'done' }
}
