import { type Static, Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { formBody } from '../accounts/index.ts'

// What the calls pages receive, and the words said after each action.

export const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
export const entryParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  entryId: Type.String({ maxLength: 100 }),
})
export const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })

export const RegisterForm = formBody(
  'firstName',
  'lastName',
  'phone',
  'commune',
  'frequency',
  'preferredTimes',
  'topics',
  'language',
  'consent',
  'consentWording',
  'mayorRegister',
)
export type RegisterForm = Static<typeof RegisterForm>

/** Several languages may be ticked: the browser sends the field once per box. */
export const CallerForm = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 10_000 })),
  languages: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 10_000 }),
      Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 50 }),
    ]),
  ),
  communes: Type.Optional(Type.String({ maxLength: 10_000 })),
  availability: Type.Optional(Type.String({ maxLength: 10_000 })),
  capacity: Type.Optional(Type.String({ maxLength: 10_000 })),
})
export type CallerForm = Static<typeof CallerForm>

export const OutcomeForm = formBody('outcome', 'note')
export type OutcomeForm = Static<typeof OutcomeForm>

export const PairForm = formBody('registrationId', 'callerId')
export const EndForm = formBody('reason')
export const CampaignForm = formBody('title', 'reason', 'commune')
export type CampaignForm = Static<typeof CampaignForm>

const notices = {
  inscrit: 'calls.notice.registered',
  pause: 'calls.notice.paused',
  reprise: 'calls.notice.resumed',
  retrait: 'calls.notice.withdrawn',
  appelant: 'calls.notice.callerSaved',
  ok: 'calls.notice.ok',
  'no-answer': 'calls.notice.noAnswer',
  'needs-help': 'calls.notice.needsHelp',
  concern: 'calls.notice.concern',
  alerte: 'calls.notice.alerted',
  apparie: 'calls.notice.paired',
  fin: 'calls.notice.unpaired',
  campagne: 'calls.notice.campaignStarted',
  personne: 'calls.notice.nobodyDue',
  arretee: 'calls.notice.campaignStopped',
  terminee: 'calls.notice.campaignFinished',
  reached: 'calls.notice.ok',
  waiting: 'calls.notice.retry',
  unreachable: 'calls.notice.unreachable',
  reprise_autre: 'calls.notice.takenOver',
} as const satisfies Record<string, MessageKey>

export type Done = keyof typeof notices

export function notice(req: FastifyRequest): string | undefined {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as Done]) : undefined
}
