import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountsHolding } from '../accounts/index.ts'
import { type CaseOrigin, casePath, openCase, type PersonRow } from '../phone/index.ts'

export interface Alert {
  person: Pick<PersonRow, 'id' | 'firstName' | 'lastName'>
  origin: Extract<CaseOrigin, 'needs-help' | 'concern' | 'unanswered'>
  /** the caller's note, or what the platform observed */
  summary: string
  by: string | null
  at: Date
}

/**
 * Opens a case on the phone line's queue for the person; a concern or a person nobody reaches also
 * mails every agent of the territory at once. Mails go through the job queue in the caller's
 * transaction: a mail server down delays them, never loses them, and a failed call mails nobody.
 */
export async function raiseAlert(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  alert: Alert,
): Promise<string> {
  const caseId = services.ids()
  await openCase(tx, {
    id: caseId,
    eventId: services.ids(),
    territoryId: territory.id,
    personId: alert.person.id,
    origin: alert.origin,
    summary: alert.summary,
    by: alert.by,
    at: alert.at,
  })
  if (alert.origin === 'needs-help') return caseId
  const agents = await accountsHolding(tx, territory.id, 'phone:intake')
  const person = `${alert.person.firstName} ${alert.person.lastName.slice(0, 1)}.`
  const link = `${territoryBaseUrl(services.config, territory)}${casePath(caseId)}`
  for (const agent of agents) {
    const locale = isLocale(agent.locale) ? agent.locale : 'fr'
    const t = translator(locale)
    await services.mailer.send({
      territory,
      to: agent.email,
      locale,
      template: 'calls-alert',
      data: {
        name: agent.displayName,
        person,
        what: t(alert.origin === 'concern' ? 'calls.mail.alert.concern' : 'calls.mail.alert.unanswered', {
          person,
        }),
        link,
      },
      tx,
    })
  }
  return caseId
}

const caseText = translator('fr')

/**
 * The case's summary, in the agents' language: the caller's note when there is one, else what
 * happened. The queue is French-speaking, whatever the caller's interface language.
 */
export function caseSummary(origin: Alert['origin'], note: string | null, attempts = 3): string {
  if (origin === 'unanswered') {
    const what = caseText('calls.case.unanswered', { count: attempts })
    return note ? `${what} ${note}` : what
  }
  return note ?? caseText(origin === 'concern' ? 'calls.case.concern' : 'calls.case.needsHelp')
}
