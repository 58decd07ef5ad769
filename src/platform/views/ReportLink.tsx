import type { ViewContext } from './context.ts'

/** What can be reported; the reports domain keeps the same list. */
type ReportTarget = 'listing' | 'message' | 'account' | 'organisation'

const WHICH = {
  listing: 'report.link.listing',
  message: 'report.link.message',
  account: 'report.link.account',
  organisation: 'report.link.organisation',
} as const

/** « Signaler » next to a listing, a message, a person or an organisation: opens the report form for it. */
export function ReportLink({ ctx, target, id }: { ctx: ViewContext; target: ReportTarget; id: string }) {
  const { t } = ctx
  const query = new URLSearchParams({ cible: target, id })
  return (
    <a href={`/signaler?${query}`}>
      {t('report.link')}
      {/* every message of a conversation has this link: screen readers hear which one it is about */}
      <span class="visually-hidden"> {t(WHICH[target])}</span>
    </a>
  )
}
