import { accountMessages } from '../../domains/accounts/account.messages.ts'
import { profileMessages } from '../../domains/accounts/profile.messages.ts'
import { staffMessages } from '../../domains/accounts/staff.messages.ts'
import { categoryMessages } from '../../domains/categories/category.messages.ts'
import { freeHelpMessages } from '../../domains/listings/free-help.messages.ts'
import { listingMessages } from '../../domains/listings/listing.messages.ts'
import { searchMessages } from '../../domains/listings/search.messages.ts'
import { conversationMessages } from '../../domains/matches/conversation.messages.ts'
import { followUpMessages } from '../../domains/matches/follow-up.messages.ts'
import { matchMessages } from '../../domains/matches/match.messages.ts'
import { notificationMessages } from '../../domains/notifications/notification.messages.ts'
import { reportMessages } from '../../domains/reports/report.messages.ts'
import { territoryMessages } from '../../domains/territories/territory.messages.ts'
import { volunteerMessages } from '../../domains/volunteers/volunteer.messages.ts'
import { communeMessages } from '../geo/commune.messages.ts'
import { mailMessages } from '../mail/mail.messages.ts'
import { shellMessages } from '../views/shell.messages.ts'

/**
 * Each concept keeps its texts beside its code, French first; the English table must have
 * the same keys (the type says so, and a test checks that every key is used).
 */
export const catalogues = {
  fr: {
    ...shellMessages.fr,
    ...listingMessages.fr,
    ...territoryMessages.fr,
    ...communeMessages.fr,
    ...mailMessages.fr,
    ...accountMessages.fr,
    ...staffMessages.fr,
    ...profileMessages.fr,
    ...searchMessages.fr,
    ...categoryMessages.fr,
    ...freeHelpMessages.fr,
    ...matchMessages.fr,
    ...conversationMessages.fr,
    ...followUpMessages.fr,
    ...notificationMessages.fr,
    ...reportMessages.fr,
    ...volunteerMessages.fr,
  },
  en: {
    ...shellMessages.en,
    ...listingMessages.en,
    ...territoryMessages.en,
    ...communeMessages.en,
    ...mailMessages.en,
    ...accountMessages.en,
    ...staffMessages.en,
    ...profileMessages.en,
    ...searchMessages.en,
    ...categoryMessages.en,
    ...freeHelpMessages.en,
    ...matchMessages.en,
    ...conversationMessages.en,
    ...followUpMessages.en,
    ...notificationMessages.en,
    ...reportMessages.en,
    ...volunteerMessages.en,
  },
}
