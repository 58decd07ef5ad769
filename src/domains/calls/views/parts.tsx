import { formatDateTime, type MessageKey } from '../../../platform/i18n/i18n.ts'
import { formatPhone, phoneHref } from '../../../platform/phone-numbers.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { CsrfField } from '../../../platform/views/fields.tsx'
import type { PersonRow } from '../../phone/index.ts'
import type {
  CallCampaignReason,
  CallCampaignStatus,
  CallFrequency,
  CallOutcome,
  RegistrationStatus,
} from '../calls.schema.ts'
import { NOTE_MAX } from '../calls.ts'
import type { CampaignProgress } from '../campaign.repository.ts'
import type { CallLogRow } from '../registration.repository.ts'

export const OUTCOME_LABEL: Record<CallOutcome, MessageKey> = {
  ok: 'calls.outcome.ok',
  'no-answer': 'calls.outcome.noAnswer',
  'needs-help': 'calls.outcome.needsHelp',
  concern: 'calls.outcome.concern',
}

export const FREQUENCY_LABEL: Record<CallFrequency, MessageKey> = {
  daily: 'calls.frequency.daily',
  'twice-weekly': 'calls.frequency.twiceWeekly',
  weekly: 'calls.frequency.weekly',
  fortnightly: 'calls.frequency.fortnightly',
}

export const STATUS_LABEL: Record<RegistrationStatus, MessageKey> = {
  active: 'calls.status.active',
  paused: 'calls.status.paused',
  withdrawn: 'calls.status.withdrawn',
}

/** Language names in their own language, so a person finds theirs whatever the page's. */
export const LANGUAGE_NAME: Record<string, string> = {
  fr: 'Français',
  en: 'English',
  es: 'Español',
  pt: 'Português',
  it: 'Italiano',
  de: 'Deutsch',
  ar: 'العربية',
  tr: 'Türkçe',
  ro: 'Română',
  pl: 'Polski',
  br: 'Brezhoneg',
  oc: 'Occitan',
}

const ORDER: CallOutcome[] = ['ok', 'no-answer', 'needs-help', 'concern']

/** The four one-tap outcomes, each its own form with an optional note, so any one is a single press. */
export function OutcomeForms({ ctx, action, which }: { ctx: ViewContext; action: string; which: string }) {
  const { t } = ctx
  return (
    <section aria-labelledby="outcome-title" class="call-outcomes">
      <h2 id="outcome-title">{t('calls.outcome.title')}</h2>
      <p class="hint">{t('calls.outcome.hint')}</p>
      {ORDER.map((outcome) => (
        <form method="post" action={action} class={`call-outcome call-outcome-${outcome}`} key={outcome}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="outcome" value={outcome} />
          <div class="field">
            <label for={`note-${outcome}`}>
              {t('calls.outcome.note', { outcome: t(OUTCOME_LABEL[outcome]) })}
            </label>
            <input type="text" id={`note-${outcome}`} name="note" maxLength={NOTE_MAX} />
          </div>
          <button type="submit">
            {t(OUTCOME_LABEL[outcome])}
            <span class="visually-hidden"> – {which}</span>
          </button>
        </form>
      ))}
    </section>
  )
}

/** Who to call and how: the number as a `tel:` link, the times and who answers. */
export function PersonPhone({ ctx, person }: { ctx: ViewContext; person: PersonRow }) {
  const { t } = ctx
  return (
    <dl class="call-person">
      <div>
        <dt>{t('calls.card.phone')}</dt>
        <dd>
          <a href={phoneHref(person.phone)} class="call-phone">
            {formatPhone(person.phone)}
          </a>
        </dd>
      </div>
      {person.callTimes && (
        <div>
          <dt>{t('calls.card.callTimes')}</dt>
          <dd>{person.callTimes}</dd>
        </div>
      )}
      {person.answeredBy && (
        <div>
          <dt>{t('calls.card.answeredBy')}</dt>
          <dd>{person.answeredBy}</dd>
        </div>
      )}
    </dl>
  )
}

export function CallHistory({ ctx, logs }: { ctx: ViewContext; logs: CallLogRow[] }) {
  const { t, locale } = ctx
  if (logs.length === 0) return <p>{t('calls.card.noCalls')}</p>
  return (
    <ul class="call-history">
      {logs.map((log) => (
        <li key={log.id}>
          {formatDateTime(log.calledAt, locale)} – {t(OUTCOME_LABEL[log.outcome])}
          {log.note && <> – « {log.note} »</>}
        </li>
      ))}
    </ul>
  )
}

/** A campaign's figures in words, the region the progressive script refreshes in place. */
export function Figures({ ctx, progress }: { ctx: ViewContext; progress: CampaignProgress }) {
  const { t } = ctx
  const rows: [MessageKey, number][] = [
    ['calls.figures.reached', progress.reached],
    ['calls.figures.concern', progress.concern],
    ['calls.figures.needsHelp', progress.needsHelp],
    ['calls.figures.unreachable', progress.unreachable],
    ['calls.figures.inProgress', progress.inProgress],
    ['calls.figures.toRetry', progress.toRetry],
    ['calls.figures.waiting', progress.waiting],
  ]
  const done = progress.reached + progress.concern + progress.needsHelp + progress.unreachable
  return (
    <div id="campaign-figures" data-campaign-figures aria-live="polite" aria-atomic="true">
      <p class="campaign-summary">{t('calls.figures.summary', { done, total: progress.total })}</p>
      <dl class="campaign-figures">
        {rows.map(([key, count]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

export const CAMPAIGN_STATUS_LABEL: Record<CallCampaignStatus, MessageKey> = {
  running: 'calls.campaign.status.running',
  finished: 'calls.campaign.status.finished',
  stopped: 'calls.campaign.status.stopped',
}

export const REASON_LABEL: Record<CallCampaignReason, MessageKey> = {
  canicule: 'calls.reason.canicule',
  tempete: 'calls.reason.tempete',
  epidemie: 'calls.reason.epidemie',
  inondation: 'calls.reason.inondation',
  'grand-froid': 'calls.reason.grandFroid',
  autre: 'calls.reason.autre',
}
