import { communeMessages } from '../geo/commune.messages.ts'
import { imageMessages } from '../images/image.messages.ts'
import { installableMessages } from '../installable/installable.messages.ts'
import { mailMessages } from '../mail/mail.messages.ts'
import { smsMessages } from '../sms/sms.messages.ts'
import { shellMessages } from '../views/shell.messages.ts'
import type { EasyRead, KeysOf, Messages } from './define.ts'

/** The platform's own texts; each domain's come from its module description (see app.ts). */
export const platformMessages = [
  shellMessages,
  communeMessages,
  mailMessages,
  imageMessages,
  installableMessages,
  smsMessages,
] as const
export type PlatformMessageKeys = KeysOf<typeof platformMessages>

/**
 * The translation tables every request reads, filled once at start from the platform's texts and
 * then from each module's. Each concept keeps its texts beside its code, French first; the
 * English table must have the same keys (a type says so, and a test checks that every key is used).
 */
export const catalogues: { fr: Record<string, string>; en: Record<string, string> } = { fr: {}, en: {} }

export function registerMessages(tables: readonly Messages[]): void {
  for (const table of tables) {
    Object.assign(catalogues.fr, table.fr)
    Object.assign(catalogues.en, table.en)
  }
}

/**
 * The easy-to-read texts (easy-read.ts), filled the same way from each module's `easyRead`; a page
 * in easy-read mode reads here first and falls back to the usual table.
 */
export const easyCatalogues: { fr: Record<string, string>; en: Record<string, string> } = { fr: {}, en: {} }

export function registerEasyRead(tables: readonly EasyRead[]): void {
  for (const table of tables) {
    Object.assign(easyCatalogues.fr, table.fr)
    Object.assign(easyCatalogues.en, table.en)
  }
}

registerMessages(platformMessages)
