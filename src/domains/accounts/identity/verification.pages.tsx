import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { sendPage } from '../../../platform/views/render.ts'
import type { EmailTokens } from './email-tokens.ts'
import { formBody, noStore, requestInfo, tokenQuery } from './identity.http.ts'
import { signUpJustSent } from './signup-pending.ts'
import { VERIFY_PATH, VerificationService } from './verification.service.ts'
import { MessagePage } from './views/MessagePage.tsx'

/** « Vérifiez votre boîte mail »: where sign-up leads, and what « renvoyer le lien » answers. */
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

export function verificationPages(base: FastifyInstance, services: AppServices, tokens: EmailTokens) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const verification = new VerificationService(services, tokens)

  // Opening the link changes nothing: a mail scanner that follows it spends nothing.
  app.get(
    VERIFY_PATH,
    { schema: { querystring: tokenQuery }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const { t } = req
      const token = req.query.jeton
      if (token !== undefined) {
        noStore(reply)
        if (!(await verification.usable(req.territory!, token))) return sendPage(reply, invalidLink(req), 400)
        return sendPage(
          reply,
          MessagePage({
            ctx: req.viewContext(),
            title: t('verify.confirm.title'),
            paragraphs: [t('verify.confirm.text')],
            button: { action: VERIFY_PATH, label: t('verify.confirm.submit'), fields: { jeton: token } },
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
    { schema: { body: formBody('jeton') }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const { t } = req
      const result = await verification.verify(req.territory!, req.body.jeton)
      if (result.kind === 'invalid') return sendPage(reply, invalidLink(req), 400)
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
}
