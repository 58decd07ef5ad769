import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCard } from '../accounts/index.ts'
import { decideHeldMission } from '../missions/index.ts'
import { decideHeldNeed } from '../needs/index.ts'
import { applyOrganisationDecision, findOrganisation } from '../organisations/index.ts'
import type { SanctionReason } from './moderation.schema.ts'
import { type ReviewItemRow, saveExample } from './queue.repository.ts'
import type { DecisionInput } from './queue.ts'
import { mailKindKeys } from './sanction-effects.ts'

/** An organisation's refusal or suspension keeps the organisations' own reason list: the closest one. */
const organisationReason = {
  commerce: 'not-free',
  'money-request': 'not-free',
  scam: 'conduct',
  abuse: 'conduct',
  harassment: 'conduct',
  danger: 'conduct',
  'personal-data': 'other',
  'off-topic': 'other',
  impersonation: 'unknown-register',
  other: 'other',
} as const satisfies Record<SanctionReason, string>
/** The organisations' own limit on the words told to the managers. */
export const ORGANISATION_TEXT_MAX = 1000

const asksMoney = (input: DecisionInput) =>
  input.decision === 'reject' && (input.reason === 'commerce' || input.reason === 'money-request')

/**
 * A held mission or need published or removed from the queue, through its own domain's decision
 * (alerts, its held list, its audit entry), with the moderator's label kept as an example and, once
 * published, its author told. A removal's mail is the sanction's, with the reason and the appeal
 * link: one mail per decision. False when it is no longer held.
 */
export async function decideHeldContent(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  item: ReviewItemRow,
  input: DecisionInput,
  actorId: string,
  now: Date,
): Promise<boolean> {
  const kind = item.subjectKind as 'mission' | 'need'
  const decide = kind === 'mission' ? decideHeldMission : decideHeldNeed
  const publish = input.decision === 'publish'
  const row = await decide(services, tx, {
    territoryId: territory.id,
    id: item.subjectId,
    publish,
    actorId,
    now,
  })
  if (!row) return false
  await saveExample(tx, {
    id: services.ids(),
    territoryId: territory.id,
    subjectKind: kind,
    subjectId: row.id,
    text: `${row.title}\n${row.description}`,
    heldByRule: item.cause === 'money-wording',
    ruleReasons: item.details,
    asksMoney: asksMoney(input),
    decidedAt: now,
  })
  if (publish && row.createdBy) {
    const path = kind === 'mission' ? `/missions/${row.id}` : `/besoins/${row.id}`
    await tellPublished(services, tx, territory, { accountId: row.createdBy, item, path })
  }
  return true
}

/**
 * An organisation verified, refused, or suspended (« masquer ») from the queue, through the
 * organisations' own decision: its status, its audit entry and its managers' mail with the reason.
 */
export async function decideOrganisation(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  item: ReviewItemRow,
  input: DecisionInput,
  actorId: string,
): Promise<'done' | 'own' | 'changed'> {
  const organisation = await findOrganisation(tx, territory.id, item.subjectId)
  if (!organisation) return 'changed'
  const decision = input.decision === 'verify' ? 'verify' : input.decision === 'refuse' ? 'refuse' : 'suspend'
  const result = await applyOrganisationDecision(services, tx, {
    territory,
    organisation,
    actorId,
    decision,
    reason: {
      code: input.reason ? organisationReason[input.reason] : null,
      text: decision === 'verify' ? '' : input.explanation,
    },
    details: { via: 'moderation' },
  })
  return result.kind === 'done' ? 'done' : result.kind === 'own' ? 'own' : 'changed'
}

/** « Votre mission « … » est maintenant visible »: the author of held content once it is published. */
async function tellPublished(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  input: { accountId: string; item: ReviewItemRow; path: string },
): Promise<void> {
  const card = await accountCard(tx, input.accountId)
  if (!card || card.status !== 'active') return
  const locale = isLocale(card.locale) ? card.locale : 'fr'
  const kind = translator(locale)(mailKindKeys[input.item.subjectKind])
  await services.mailer.send({
    tx,
    territory,
    to: card.email,
    locale,
    template: 'moderation-published',
    data: {
      name: card.displayName,
      subject: input.item.label !== '' ? `${kind} « ${input.item.label} »` : kind,
      link: `${territoryBaseUrl(services.config, territory)}${input.path}`,
    },
  })
}
