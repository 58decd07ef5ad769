import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { formBody } from '../accounts/index.ts'

// What the line's pages share: parameters, form bodies and the confirmations after a redirect.

export const line = { permission: 'phone:intake', scope: null } as const
export const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
export const matchParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  matchId: Type.String({ maxLength: 100 }),
})
export const reasonQuery = Type.Object({
  motif: Type.Optional(Type.String({ maxLength: 40 })),
  fait: Type.Optional(Type.String({ maxLength: 40 })),
})
export const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })

export const personKeys = [
  'firstName',
  'lastName',
  'phone',
  'commune',
  'address',
  'callTimes',
  'answeredBy',
  'sharedContact',
  'consentWording',
] as const
export const PersonForm = formBody(...personKeys, 'confirmDuplicate')
export const askKeys = ['categoryId', 'title', 'description', 'urgency', 'commune'] as const
export const AskForm = formBody(...askKeys)
export const SearchForm = formBody('name', 'phone', 'commune', 'reason')
export const CallForm = formBody('direction', 'result', 'note')
export const NoteForm = formBody('noteText')
export const CloseForm = formBody('outcome', 'closingNote')
export const WithdrawForm = formBody('reason')
export const LinkForm = formBody('email')
export const SmsConsentForm = formBody('smsConsentWording')
export const SettingsForm = formBody('delay', 'consentWording')

/** Every field of a form body as text, absent ones empty: nothing else in the body is read. */
export function texts<K extends string>(
  body: Partial<Record<K | '_csrf', string | undefined>>,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, body[k] ?? ''])) as Record<K, string>
}

/** ?fait=… after a redirect: which confirmation to show, from a fixed list (never text from the address). */
const notices = {
  personne: 'phone.notice.personCreated',
  modifiee: 'phone.notice.personChanged',
  compte: 'phone.notice.linked',
  retrait: 'phone.notice.withdrawn',
  demande: 'phone.notice.askPosted',
  appel: 'phone.notice.callLogged',
  note: 'phone.notice.noted',
  acceptee: 'phone.notice.accepted',
  declinee: 'phone.notice.declined',
  clos: 'phone.notice.closed',
  rouvert: 'phone.notice.reopened',
  reglages: 'phone.notice.settings',
  sms: 'phone.sms.noticeGiven',
  'sans-sms': 'phone.sms.noticeWithdrawn',
} as const satisfies Record<string, MessageKey>
export type Done = keyof typeof notices

export function notice(req: FastifyRequest): string | undefined {
  const key = (req.query as { fait?: string } | undefined)?.fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as Done]) : undefined
}
