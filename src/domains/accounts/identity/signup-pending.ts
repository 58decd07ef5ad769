import type { FastifyReply, FastifyRequest } from 'fastify'
import { decrypt, encrypt } from '../../../platform/auth/secrets.ts'
import type { AppServices } from '../../../platform/services.ts'
import { isHttps } from './identity.http.ts'
import { VERIFY_PATH } from './verification.service.ts'

const COOKIE = 'inscription'
const PURPOSE = 'signup-pending'
const LIFETIME_SECONDS = 3600

/**
 * After a sign-up, « Vérifiez votre boîte mail » names the address typed, whether it made a new
 * account or already had one, so that both visitors see the same page. The address travels in
 * this cookie, sealed and for this one path, never in the address bar.
 */
export function rememberSignUp(reply: FastifyReply, services: AppServices, email: string) {
  reply.setCookie(COOKIE, encrypt(services.config.appSecret, email, PURPOSE), {
    path: VERIFY_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(services),
    maxAge: LIFETIME_SECONDS,
  })
}

/** The address of the sign-up this browser just sent, if any. */
export function signUpJustSent(req: FastifyRequest, services: AppServices): string | null {
  const sealed = req.cookies[COOKIE]
  if (!sealed) return null
  try {
    return decrypt(services.config.appSecret, sealed, PURPOSE)
  } catch {
    return null
  }
}
