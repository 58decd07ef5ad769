import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { localPathOr } from '../../../platform/http/local-path.ts'
import type { AppServices } from '../../../platform/services.ts'
import { sendPage } from '../../../platform/views/render.ts'
import type { EmailTokens } from './email-tokens.ts'
import { formBody, noStore, requestInfo, sendSessionCookie, tokenQuery } from './identity.http.ts'
import { sealPendingAccount } from './pending-confirmation.ts'
import { signUpJustSent } from './signup-pending.ts'
import { VERIFIED_PATH, VERIFY_PATH, VerificationService } from './verification.service.ts'
import { MessagePage } from './views/MessagePage.tsx'

export const RESEND_PENDING_PATH = '/connexion/renvoyer-lien'

/** « Vérifiez votre boîte mail »: what « renvoyer le lien » answers to a session whose address waits. */
function checkMailbox(req: FastifyRequest, resent: boolean) {
  const { t } = req
  const email = req.actor!.email
  return MessagePage({
    ctx: req.viewContext(),
    title: t('verify.check.title'),
    ...(resent ? { success: t('verify.check.resent', { email }) } : {}),
    paragraphs: [t('verify.check.sent', { email }), t('verify.check.meanwhile')],
    notice: t('verify.check.nothing'),
    button: { action: '/verification/renvoyer', label: t('verify.banner.resend') },
    links: [{ href: '/compte/adresse', text: t('verify.check.wrongAddress') }],
  })
}

/** Right after sign-up: the same page whether the address made an account or already had one. */
function sentAfterSignUp(req: FastifyRequest, email: string) {
  const { t } = req
  return MessagePage({
    ctx: req.viewContext(),
    title: t('verify.check.title'),
    paragraphs: [t('signup.sent.text', { email })],
    notice: t('verify.check.nothing'),
  })
}

/** The resend form of a sign-in refused for want of confirmation: the account travels sealed. */
function resendPendingButton(req: FastifyRequest, services: AppServices, accountId: string, retour: string) {
  const sealed = sealPendingAccount(services.config.appSecret, accountId, services.clock.now())
  return {
    action: RESEND_PENDING_PATH,
    label: req.t('verify.banner.resend'),
    fields: { compte: sealed, ...(retour === '/' ? {} : { retour }) },
  }
}

/**
 * The right password of an account whose address is not confirmed: said so, with a new link on
 * request. Only whoever knows the password sees this page, so it tells nobody else anything.
 */
export function unconfirmedLogin(
  req: FastifyRequest,
  services: AppServices,
  accountId: string,
  retour: string,
) {
  const { t } = req
  return MessagePage({
    ctx: req.viewContext(),
    title: t('login.unconfirmed.title'),
    paragraphs: [t('login.unconfirmed.text')],
    notice: t('login.unconfirmed.resend'),
    button: resendPendingButton(req, services, accountId, retour),
  })
}

/** A link that has been used, has expired or never existed: say so, and offer a new one. */
function invalidLink(req: FastifyRequest) {
  const { t, actor } = req
  const unverified = actor !== null && !actor.verified
  return MessagePage({
    ctx: req.viewContext(),
    title: t('verify.invalid.title'),
    paragraphs: [t('verify.invalid.text'), ...(actor?.verified ? [t('verify.invalid.already')] : [])],
    ...(unverified ? { button: { action: '/verification/renvoyer', label: t('verify.banner.resend') } } : {}),
    links: actor
      ? [{ href: '/', text: t('verify.done.continue') }]
      : [{ href: `/connexion?retour=${encodeURIComponent(VERIFY_PATH)}`, text: t('verify.invalid.login') }],
  })
}

const retourQuery = Type.Object({ retour: Type.Optional(Type.String({ maxLength: 2000 })) })

export function verificationPages(base: FastifyInstance, services: AppServices, tokens: EmailTokens) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const verification = new VerificationService(services, tokens)

  // Opening the link changes nothing: a mail scanner that follows it spends nothing.
  app.get(
    VERIFY_PATH,
    {
      schema: { querystring: Type.Object({ ...tokenQuery.properties, ...retourQuery.properties }) },
      config: { permission: 'public', scope: null },
    },
    async (req, reply) => {
      const { t } = req
      const token = req.query.jeton
      if (token !== undefined) {
        noStore(reply)
        if (!(await verification.usable(req.territory!, token))) return sendPage(reply, invalidLink(req), 400)
        const retour = localPathOr(req.query.retour)
        return sendPage(
          reply,
          MessagePage({
            ctx: req.viewContext(),
            title: t('verify.confirm.title'),
            paragraphs: [t('verify.confirm.text')],
            button: {
              action: VERIFY_PATH,
              label: t('verify.confirm.submit'),
              fields: { jeton: token, ...(retour === '/' ? {} : { retour }) },
            },
          }),
        )
      }
      const justSent = signUpJustSent(req, services)
      if (justSent !== null && !req.actor?.verified) return sendPage(reply, sentAfterSignUp(req, justSent))
      if (!req.actor) return reply.redirect(`/connexion?retour=${encodeURIComponent(VERIFY_PATH)}`, 303)
      if (req.actor.verified) {
        return sendPage(
          reply,
          MessagePage({
            ctx: req.viewContext(),
            title: t('verify.done.title'),
            success: t('verify.done.already', { email: req.actor.email }),
            links: [{ href: '/', text: t('verify.done.continue') }],
          }),
        )
      }
      return sendPage(reply, checkMailbox(req, false))
    },
  )

  app.post(
    VERIFY_PATH,
    { schema: { body: formBody('jeton', 'retour') }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const { t } = req
      const { device } = requestInfo(req, services)
      const result = await verification.verify(req.territory!, req.body.jeton, {
        device,
        current: req.session,
      })
      if (result.kind === 'invalid') return sendPage(reply, invalidLink(req), 400)
      // The page of this request was drawn for the browser's old session (its forms' CSRF tokens
      // are bound to it): the new one is shown by a page of its own.
      if (result.session) {
        sendSessionCookie(reply, services, result.session)
        const retour = localPathOr(req.body.retour)
        const back = retour === '/' ? '' : `?retour=${encodeURIComponent(retour)}`
        return reply.redirect(`${VERIFIED_PATH}${back}`, 303)
      }
      const signedIn = req.actor?.accountId === result.accountId
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('verify.done.title'),
          success: t('verify.done.text'),
          links: signedIn
            ? [{ href: '/', text: t('verify.done.continue') }]
            : [{ href: '/connexion', text: t('verify.done.login') }],
        }),
      )
    },
  )

  // Where the link leads once it signed in: where to go on, the page asked for before first.
  app.get(
    VERIFIED_PATH,
    { schema: { querystring: retourQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const { t } = req
      if (!req.actor?.verified) return reply.redirect(VERIFY_PATH, 303)
      const retour = localPathOr(req.query.retour)
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('verify.done.title'),
          success: t('verify.done.signedIn'),
          links: [
            ...(retour === '/' ? [] : [{ href: retour, text: t('verify.done.back') }]),
            { href: '/', text: t('verify.done.continue') },
            { href: '/compte', text: t('verify.done.account') },
          ],
        }),
      )
    },
  )

  app.post(
    '/verification/renvoyer',
    { config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const outcome = await verification.resend(
        req.actor,
        req.territory!,
        requestInfo(req, services).linkBase,
      )
      if (outcome === 'already') return reply.redirect(VERIFY_PATH, 303)
      return sendPage(reply, checkMailbox(req, true))
    },
  )

  app.post(
    RESEND_PENDING_PATH,
    { schema: { body: formBody('compte', 'retour') }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const { t } = req
      const retour = localPathOr(req.body.retour)
      const back = retour === '/' ? '' : `?retour=${encodeURIComponent(retour)}`
      const { linkBase } = requestInfo(req, services)
      const outcome = await verification.resendPending(req.territory!, req.body.compte, linkBase, retour)
      // An hour-old or altered form, or an address confirmed meanwhile: signing in again sorts it out.
      if (outcome.kind !== 'sent') return reply.redirect(`/connexion${back}`, 303)
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('verify.check.title'),
          success: t('verify.check.resent', { email: outcome.email }),
          paragraphs: [t('verify.check.opens')],
          notice: t('verify.check.nothing'),
          button: resendPendingButton(req, services, outcome.accountId, retour),
        }),
      )
    },
  )
}
