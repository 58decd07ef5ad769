import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { sendPage } from '../../../platform/views/render.ts'
import { PushDeviceService } from '../push/push-device.service.ts'
import { ProfileService } from './profile.service.ts'
import { AccountPage, type AccountPush } from './views/AccountPage.tsx'

/** What the last action said, read from the redirect's address; anything else says nothing. */
const PUSH_DONE = { ajoute: 'added', enregistre: 'saved', retire: 'removed' } as const
export type PushDoneWord = keyof typeof PUSH_DONE
export const pushDone = (word: string | undefined): AccountPush['done'] =>
  word !== undefined && Object.hasOwn(PUSH_DONE, word) ? PUSH_DONE[word as PushDoneWord] : null

/**
 * « Mon compte », from its own route and from the device forms that answer on it (a refused choice
 * is shown there, status 400, with the person's devices as they are).
 */
export async function sendAccountPage(
  req: FastifyRequest,
  reply: FastifyReply,
  services: AppServices,
  options: { saved?: boolean; done?: AccountPush['done']; error?: AccountPush['error'] } = {},
  status = 200,
) {
  const profile = await new ProfileService(services).own(req.actor)
  const devices = new PushDeviceService(services)
  const keys = services.config.push
  const push: AccountPush | null = keys
    ? {
        publicKey: keys.publicKey,
        devices: await devices.list(req.actor, req.territory!),
        done: options.done ?? null,
        error: options.error,
      }
    : null
  return sendPage(
    reply,
    AccountPage({ ctx: req.viewContext(), profile, saved: options.saved ?? false, push }),
    status,
  )
}
