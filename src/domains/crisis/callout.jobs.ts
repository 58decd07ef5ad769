import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type AccountCard, accountCards } from '../accounts/index.ts'
import {
  claimRecipients,
  findCallout,
  markRecipients,
  optedOut,
  pendingCount,
  recordProgress,
} from './callout.repository.ts'
import { CALLOUT_BATCH, CALLOUT_PAUSE_MS, type Callout, type CalloutChannel } from './callout.ts'
import { calloutUnsubscribeToken } from './callout-token.ts'

export const CALLOUT_JOB = 'crisis.callout-send'

/** What a sender needs to reach one recipient, inside the step's transaction. */
interface Delivery {
  services: AppServices
  tx: DbOrTx
  territory: Territory
  callout: Callout
  card: AccountCard
}

/**
 * One sender per channel of `volunteer_callouts.channel`: email today. SMS, when its provider
 * comes, is one more entry here (and in the channels' list); the batches, the locks and the
 * progress stay the same.
 */
const senders: Record<CalloutChannel, (delivery: Delivery) => Promise<void>> = {
  email: async ({ services, tx, territory, callout, card }) => {
    const base = territoryBaseUrl(services.config, territory)
    const token = calloutUnsubscribeToken(services.config.appSecret, territory.id, card.id)
    const unsubscribe = `${base}/appels-benevoles/desabonnement?jeton=${token}`
    await services.mailer.send({
      tx,
      territory,
      to: card.email,
      locale: isLocale(card.locale) ? card.locale : 'fr',
      template: 'volunteer-callout',
      data: { subject: callout.subject, body: callout.body, link: `${base}/je-veux-aider`, unsubscribe },
      // RFC 8058: the mail client offers « se désabonner » and POSTs to the address itself.
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    })
  },
}

export function registerCalloutJobs(services: AppServices): void {
  services.worker.register(CALLOUT_JOB, async (payload, ctx) => {
    if (typeof payload.calloutId !== 'string' || !ctx.territoryId) return
    await sendCalloutStep(services, ctx.territoryId, payload.calloutId)
  })
}

/**
 * One step of a mass call, in one transaction: the next recipients are locked, each mail written
 * (the mail queue delivers it, retrying while the server is down), each recipient marked sent, and
 * the next step queued. A crash or a failing mailer rolls the whole step back: nobody is marked,
 * no mail of the step exists, and the job runs it again. A second run at the same moment skips the
 * locked rows, so nobody gets the mail twice. Returns how many people are still waiting.
 */
export async function sendCalloutStep(
  services: AppServices,
  territoryId: string,
  calloutId: string,
): Promise<number> {
  const territory = await services.territories.list().then((all) => all.find((t) => t.id === territoryId))
  if (!territory) return 0
  const now = services.clock.now()
  return services.database.db.transaction(async (tx) => {
    const callout = await findCallout(tx, territoryId, calloutId)
    if (!callout || callout.status !== 'sending') return 0
    const batch = await claimRecipients(tx, callout.id, CALLOUT_BATCH)
    const cards = await accountCards(tx, batch)
    const out = await optedOut(tx, territoryId, batch)
    const send = senders[callout.channel]
    let mailed = 0
    for (const accountId of batch) {
      const card = cards.get(accountId)
      // Someone suspended, unverified or opted out since the call was sent is skipped, not sent to.
      if (!card || card.status !== 'active' || card.emailVerifiedAt === null || out.has(accountId)) continue
      await send({ services, tx, territory, callout, card })
      mailed += 1
    }
    await markRecipients(tx, callout.id, batch, now)
    const left = await pendingCount(tx, callout.id)
    await recordProgress(tx, callout.id, mailed, left === 0 ? now : null)
    if (left > 0) {
      // Keyed by how far the call got: two runs of the same step queue one next step, not two.
      await services.jobs.enqueueOnce(
        CALLOUT_JOB,
        { calloutId: callout.id },
        {
          tx,
          territoryId,
          runAt: new Date(now.getTime() + CALLOUT_PAUSE_MS),
          dedupeKey: `${CALLOUT_JOB}:${callout.id}:${left}`,
        },
      )
    }
    return left
  })
}
