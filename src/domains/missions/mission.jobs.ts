import { territoryBaseUrl } from '../../platform/http/links.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { accountCards } from '../accounts/index.ts'
import { noticeRecipients, organisationIn } from '../organisations/index.ts'
import { missionsByIds } from './mission.repository.ts'
import { claimReminders, markNotified, signedUpOn, untoldChanges } from './signup.repository.ts'
import { localeOf, missionPath, rosterPath } from './signup-notices.ts'
import { slotLabel } from './slot-label.ts'

export const MISSION_JOBS = { remind: 'missions.remind', digest: 'missions.digest' } as const
const DAY_MS = 86_400_000

/**
 * The day-before reminder: each slot starting within the next 24 hours is marked `reminded_at` and
 * its volunteers' mails are queued in one transaction, so a slot is reminded once, whatever the
 * number of runs or processes. The mail gives the address: the volunteer is signed up.
 */
export async function remindSlots(services: AppServices): Promise<number> {
  const now = services.clock.now()
  const territories = new Map((await services.territories.list()).map((t) => [t.id, t]))
  return services.database.db.transaction(async (tx) => {
    const slots = await claimReminders(tx, now, new Date(now.getTime() + DAY_MS))
    const signups = await signedUpOn(
      tx,
      slots.map((s) => s.id),
    )
    const missions = await missionsByIds(
      tx,
      signups.map((s) => s.missionId),
    )
    const cards = await accountCards(
      tx,
      signups.map((s) => s.accountId),
    )
    for (const signup of signups) {
      const mission = missions.get(signup.missionId)
      const slot = slots.find((s) => s.id === signup.slotId)
      const card = cards.get(signup.accountId)
      const territory = mission && territories.get(mission.territoryId)
      if (!mission || !slot || !card || card.status !== 'active' || !territory) continue
      if (mission.status === 'removed') continue
      const organisation = await organisationIn(tx, territory.id, mission.organisationId)
      const commune = await services.communes.find(territory, mission.communeInsee)
      const locale = localeOf(card)
      const t = translator(locale)
      const town = commune?.name ?? mission.communeInsee
      await services.mailer.send({
        territory,
        to: card.email,
        locale,
        template: 'mission-reminder',
        data: {
          name: card.displayName,
          organisation: organisation?.name ?? '',
          title: mission.title,
          slot: slotLabel(slot, t, locale),
          place: mission.address ? `${mission.address}, ${town}` : town,
          link: `${territoryBaseUrl(services.config, territory)}/mes-missions`,
        },
        tx,
      })
    }
    return slots.length
  })
}

/**
 * The daily digest for the managers who chose it: every sign-up and withdrawal no digest told
 * yet, one mail per manager and organisation; `notified_at` then marks them told.
 */
export async function sendSignupDigests(services: AppServices): Promise<number> {
  const now = services.clock.now()
  const territories = new Map((await services.territories.list()).map((t) => [t.id, t]))
  return services.database.db.transaction(async (tx) => {
    const changes = await untoldChanges(tx)
    if (changes.length === 0) return 0
    const missions = await missionsByIds(
      tx,
      changes.map((c) => c.signup.missionId),
    )
    const volunteers = await accountCards(
      tx,
      changes.map((c) => c.signup.accountId),
    )
    const byOrganisation = new Map<string, typeof changes>()
    for (const change of changes) {
      const mission = missions.get(change.signup.missionId)
      if (!mission) continue
      byOrganisation.set(mission.organisationId, [
        ...(byOrganisation.get(mission.organisationId) ?? []),
        change,
      ])
    }
    let sent = 0
    for (const [organisationId, list] of byOrganisation) {
      const first = missions.get(list[0]!.signup.missionId)!
      const territory = territories.get(first.territoryId)
      if (!territory) continue
      const daily = (await noticeRecipients(tx, organisationId)).filter((r) => r.signupNotices === 'daily')
      const managers = await accountCards(
        tx,
        daily.map((r) => r.accountId),
      )
      for (const manager of managers.values()) {
        if (manager.status !== 'active') continue
        const locale = localeOf(manager)
        const t = translator(locale)
        const lines = list.map(({ signup, slot }) =>
          t(signup.status === 'withdrawn' ? 'mission.digest.withdrawal' : 'mission.digest.signup', {
            volunteer: volunteers.get(signup.accountId)?.displayName ?? '',
            title: missions.get(signup.missionId)?.title ?? '',
            slot: slotLabel(slot, t, locale),
          }),
        )
        await services.mailer.send({
          territory,
          to: manager.email,
          locale,
          template: 'mission-digest',
          data: {
            name: manager.displayName,
            lines: lines.join('\n'),
            link: `${territoryBaseUrl(services.config, territory)}${rosterPath(first.id)}`,
          },
          tx,
        })
        sent += 1
      }
    }
    await markNotified(
      tx,
      changes.map((c) => c.signup.id),
      now,
    )
    return sent
  })
}

export function registerMissionJobs(services: AppServices): void {
  services.worker.register(MISSION_JOBS.remind, async () => {
    await remindSlots(services)
  })
  services.worker.register(MISSION_JOBS.digest, async () => {
    await sendSignupDigests(services)
  })
}

/** Reminders every hour; the digest at 7:00 UTC (8:00 or 9:00 in Paris), one job per day for all processes. */
export async function scheduleMissionJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(MISSION_JOBS.remind, 3600)
  const now = services.clock.now()
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7))
  if (first <= now) first.setUTCDate(first.getUTCDate() + 1)
  await services.jobs.scheduleRecurring(MISSION_JOBS.digest, 86_400, { firstRunAt: first })
}

export { missionPath }
