import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, type Locale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards } from '../accounts/index.ts'
import { noticeRecipients, type OrganisationRef } from '../organisations/index.ts'
import type { Mission, Slot } from './mission.ts'
import { signedUpOn } from './signup.repository.ts'
import { slotLabel } from './slot-label.ts'

export const rosterPath = (missionId: string) => `/missions/${missionId}/inscrits`
export const missionPath = (missionId: string) => `/missions/${missionId}`

const localeOf = (card: { locale: string }): Locale => (isLocale(card.locale) ? card.locale : 'fr')

/**
 * Tells the managers who chose « each time » that a volunteer signed up or withdrew, in the
 * transaction of the change: no mail about a sign-up that was rolled back. Those who chose the
 * daily digest hear of it there (`notified_at`); the mail names the volunteer only in its body.
 */
export async function tellManagers(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  change: { mission: Mission; volunteerName: string; slots: Slot[]; kind: 'signup' | 'withdrawal' },
): Promise<void> {
  const recipients = (await noticeRecipients(tx, change.mission.organisationId)).filter(
    (r) => r.signupNotices === 'each',
  )
  if (recipients.length === 0) return
  const cards = await accountCards(
    tx,
    recipients.map((r) => r.accountId),
  )
  const base = territoryBaseUrl(services.config, territory)
  for (const r of recipients) {
    const card = cards.get(r.accountId)
    if (!card || card.status !== 'active') continue
    const locale = localeOf(card)
    const t = translator(locale)
    await services.mailer.send({
      territory,
      to: card.email,
      locale,
      template: change.kind === 'signup' ? 'mission-signup' : 'mission-withdrawal',
      data: {
        name: card.displayName,
        volunteer: change.volunteerName,
        title: change.mission.title,
        slots: change.slots.map((s) => slotLabel(s, t, locale)).join('\n'),
        link: `${base}${rosterPath(change.mission.id)}`,
      },
      tx,
    })
  }
}

/** The volunteers of a cancelled slot hear of it at once, in the cancellation's transaction. */
export async function tellSlotCancelled(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  { mission, organisation, slot }: { mission: Mission; organisation: OrganisationRef; slot: Slot },
): Promise<void> {
  const signups = await signedUpOn(tx, [slot.id])
  const cards = await accountCards(
    tx,
    signups.map((s) => s.accountId),
  )
  const base = territoryBaseUrl(services.config, territory)
  for (const signup of signups) {
    const card = cards.get(signup.accountId)
    if (!card || card.status !== 'active') continue
    const locale = localeOf(card)
    await services.mailer.send({
      territory,
      to: card.email,
      locale,
      template: 'mission-slot-cancelled',
      data: {
        name: card.displayName,
        organisation: organisation.name,
        title: mission.title,
        slot: slotLabel(slot, translator(locale), locale),
        link: `${base}${missionPath(mission.id)}`,
      },
      tx,
    })
  }
}

export { localeOf }
