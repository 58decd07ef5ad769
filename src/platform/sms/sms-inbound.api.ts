import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { sameString } from '../auth/secrets.ts'
import { HttpError } from '../http/problem.ts'
import type { Limit } from '../http/rate-limit.ts'
import { parsePhone } from '../phone-numbers.ts'
import type { AppServices } from '../services.ts'
import { ValidationError } from '../validation.ts'
import type { SmsStoppedHook } from './sms-stopped.ts'
import { isStopReply } from './stop-words.ts'

export const SMS_INBOUND_PATH = '/api/v1/sms/entrant'
/** The header carrying the shared token; not Authorization, which names a person's access token here. */
export const SMS_TOKEN_HEADER = 'x-sms-token'
/** Far above a provider's pace for one territory; a caller guessing the token gets no further. */
export const SMS_INBOUND_LIMIT: Limit = { max: 600, windowMs: 60_000 }

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
}

/**
 * The provider brings the replies people send to the platform's number. A « STOP » puts the
 * number on the territory's stop list and clears every opt-in kept for it, in one transaction;
 * any other reply is not kept. The shared token is compared in constant time.
 */
export function smsInboundApi(
  hooks: readonly SmsStoppedHook[],
): (app: FastifyInstance, services: AppServices) => Promise<void> {
  return async (base: FastifyInstance, services: AppServices) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>()
    app.post(
      SMS_INBOUND_PATH,
      {
        schema: {
          operationId: 'receiveSms',
          tags: ['sms'],
          summary: 'A reply to the platform’s SMS, brought by the SMS provider',
          description: `For the SMS provider only, authenticated by the shared token in the ${SMS_TOKEN_HEADER} header (SMS_INBOUND_TOKEN). A reply « STOP » (or « ARRET ») stops every SMS to that number on this territory.`,
          body: Type.Object({
            from: Type.String({ maxLength: 100, description: 'the sender’s number, E.164 or French' }),
            text: Type.String({ maxLength: 2000 }),
          }),
          response: { 200: Type.Object({ stopped: Type.Boolean() }), ...problems },
        },
        config: { permission: 'public', scope: null, csrf: false },
      },
      async (req) => {
        await services.rateLimiter.hit(`sms:inbound:${req.ip}`, SMS_INBOUND_LIMIT)
        const expected = services.config.sms.inboundToken
        const sent = req.headers[SMS_TOKEN_HEADER]
        if (!expected || typeof sent !== 'string' || !sameString(sent, expected))
          throw new HttpError(401, 'invalid-token')
        const territory = req.territory
        if (!territory) throw new HttpError(404)
        const from = parsePhone(req.body.from)
        if (from.kind !== 'ok') throw new ValidationError([{ field: 'from', key: 'sms.inbound.from' }])
        if (!isStopReply(req.body.text)) return { stopped: false }
        const at = services.clock.now()
        await services.database.db.transaction(async (tx) => {
          await services.sms.stop(tx, territory.id, from.e164)
          for (const hook of hooks) await hook(tx, { territoryId: territory.id, phone: from.e164, at })
        })
        return { stopped: true }
      },
    )
  }
}
