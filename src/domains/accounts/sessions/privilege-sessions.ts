import type { FastifyReply, FastifyRequest } from 'fastify'
import { forbidden } from '../../../platform/http/problem.ts'
import type { AppServices } from '../../../platform/services.ts'
import { setSessionCookie } from './auth.plugin.ts'
import { describeDevice, LIFETIMES, type SessionKind } from './session-store.ts'

function https(services: AppServices): boolean {
  return services.config.publicUrl?.startsWith('https://') ?? false
}

function maxAge(kind: SessionKind): number {
  return Math.floor(LIFETIMES[kind].absoluteMs / 1000)
}

/**
 * The second factor was just given: the session gets a new id (a cookie stolen before this
 * moment stays without staff powers) and the page rendered now uses the new one for its forms.
 */
export async function elevateSession(req: FastifyRequest, reply: FastifyReply, services: AppServices) {
  if (!req.session || !req.actor) throw forbidden()
  const next = await services.sessions.rotate(req.session, { secondFactor: true })
  setSessionCookie(reply, https(services), next.token, maxAge(next.row.kind))
  req.session = next.row
  req.actor = {
    ...req.actor,
    secondFactor: true,
    hasTotp: true,
    via: { kind: 'session', idHash: next.row.idHash },
  }
}

/**
 * Roles changed (an invitation accepted): every earlier session of the account has been ended,
 * and this device gets a fresh, short staff session that still lacks the second factor.
 */
export async function startStaffSession(
  req: FastifyRequest,
  reply: FastifyReply,
  services: AppServices,
  accountId: string,
) {
  const started = await services.sessions.start({
    accountId,
    territoryId: req.territory!.id,
    kind: 'staff',
    device: describeDevice(req.headers['user-agent']),
  })
  setSessionCookie(reply, https(services), started.token, maxAge('staff'))
}
