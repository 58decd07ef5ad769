import type { Locale, Translate } from '../i18n/i18n.ts'
import type { Territory } from '../tenancy/territory.ts'

/** What every page component receives: who is looking, in which language, on which platform. */
export interface ViewContext {
  t: Translate
  locale: Locale
  /** easy-to-read mode (larger type, one column, simpler words), for a visitor as for a person */
  easyRead: boolean
  /** null only on the « unknown platform » page */
  territory: Territory | null
  /** path and query of the current page, to come back to it after switching language */
  currentUrl: string
  csrfToken: string
  /** the signed-in person, as the page header shows them; null for a visitor */
  viewer: {
    displayName: string
    staff: boolean
    verified: boolean
    /** for the header's « Notifications (3) »; null or absent when not counted */
    unreadNotifications?: number | null
    /** for the staff header's « Modération (4) »: only for those who decide the queue's items */
    openReviews?: number | null
  } | null
  /** development-only links (outbox of emails) */
  devTools: boolean
}
