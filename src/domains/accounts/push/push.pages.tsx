import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { sendAccountPage } from '../profile/account-page.ts'
import { PushDeviceService } from './push-device.service.ts'
import { checkTypes } from './push-device.ts'
import { PUSH_SECTION_ID } from './views/PushDevicesSection.tsx'

const session = { permission: 'session' as const, scope: null }
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) })
/** One checkbox ticked arrives as a string, several as an array, none as nothing at all. */
const ChoicesForm = Type.Object({
  types: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10 }),
    ]),
  ),
})
const back = (word: string) => `/compte?appareil=${word}#${PUSH_SECTION_ID}`

/**
 * The forms of « Notifications sur cet appareil »: each device's choices, and taking a device off.
 * They work without JavaScript (POST, then back to « Mon compte » with what happened); the device
 * itself is added by push.js through the JSON API, since only a script can subscribe a browser.
 */
export async function pushPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const devices = new PushDeviceService(services)

  app.post(
    '/compte/appareils/:id',
    { schema: { params: Params, body: ChoicesForm }, config: session },
    async (req, reply) => {
      const types = checkTypes([req.body.types ?? []].flat())
      if (!types) {
        // nothing changes, and the page says so beside that device's choices (someone else's: 404)
        const device = await devices.own(req.actor, req.territory!, req.params.id)
        const error = { id: device.id, message: req.t('push.error.types') }
        return sendAccountPage(req, reply, services, { error }, 400)
      }
      await devices.setTypes(req.actor, req.territory!, req.params.id, types)
      return reply.redirect(back('enregistre'), 303)
    },
  )

  app.post(
    '/compte/appareils/:id/retirer',
    { schema: { params: Params }, config: session },
    async (req, reply) => {
      await devices.remove(req.actor, req.territory!, req.params.id)
      return reply.redirect(back('retire'), 303)
    },
  )
}
