import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { PushDeviceService } from './push-device.service.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
}

/** What a browser's `PushSubscription.toJSON()` gives, and optionally the types it should receive. */
const SubscriptionInput = Type.Object(
  {
    // loose bounds here, so that a too-long address gets the service's sentence rather than a schema's
    endpoint: Type.String({
      minLength: 1,
      maxLength: 4000,
      examples: ['https://fcm.googleapis.com/fcm/send/…'],
    }),
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object({
      p256dh: Type.String({ maxLength: 200, description: 'the browser’s P-256 public key, base64url' }),
      auth: Type.String({
        maxLength: 100,
        description: 'the browser’s 16-byte authentication secret, base64url',
      }),
    }),
    types: Type.Optional(
      Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 10,
        description: 'matches, messages, savedSearches; matches and messages when absent',
      }),
    ),
  },
  { additionalProperties: false },
)

const PushDevice = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    device: Type.Union([Type.String(), Type.Null()], { examples: ['Chrome / Android'] }),
    types: Type.Array(Type.String(), { examples: [['matches', 'messages']] }),
    createdAt: Type.String({ format: 'date-time' }),
    lastSuccessAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'PushDevice', description: 'A browser that receives Web Push notifications' },
)

/**
 * The browser's subscription, posted by push.js after the person pressed the button and allowed
 * notifications. A browser session only (its x-csrf-token header): a token has no browser to push to.
 * Without VAPID keys configured, 404: push is not offered.
 */
export async function pushApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const devices = new PushDeviceService(services)

  app.post(
    '/api/v1/me/push-subscriptions',
    {
      schema: {
        operationId: 'subscribeToPush',
        tags: ['accounts'],
        summary: 'Receive Web Push notifications on this browser',
        description: 'Subscribing the same browser again updates its keys and keeps its choices.',
        body: SubscriptionInput,
        response: { 201: PushDevice, ...problems },
      },
      config: { permission: 'session', scope: 'profile:write' },
    },
    async (req, reply) => {
      const device = await devices.subscribe(req.actor, req.territory!, req.body, req.headers['user-agent'])
      return reply.code(201).send({
        ...device,
        createdAt: device.createdAt.toISOString(),
        lastSuccessAt: device.lastSuccessAt?.toISOString() ?? null,
      })
    },
  )
}
