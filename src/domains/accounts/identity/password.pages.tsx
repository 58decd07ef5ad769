import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { sendPage } from '../../../platform/views/render.ts'
import { clearSessionCookie } from '../sessions/auth.plugin.ts'
import type { EmailTokens } from './email-tokens.ts'
import { fieldErrors, formBody, isHttps, noStore, requestInfo, tokenQuery } from './identity.http.ts'
import { PasswordService, RESET_PATH } from './password.service.ts'
import { MessagePage } from './views/MessagePage.tsx'
import { ChangePasswordPage, ForgotPasswordPage, ResetPasswordPage } from './views/PasswordPages.tsx'

function invalidLink(req: FastifyRequest) {
  const { t } = req
  return MessagePage({
    ctx: req.viewContext(),
    title: t('reset.invalid.title'),
    paragraphs: [t('reset.invalid.text')],
    links: [{ href: '/mot-de-passe-oublie', text: t('reset.invalid.again') }],
  })
}

/** « Mot de passe oublié », the page its emailed link opens, and changing one's password. */
export function passwordPages(base: FastifyInstance, services: AppServices, tokens: EmailTokens) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const passwords = new PasswordService(services, tokens)
  const page = { permission: 'public' as const, scope: null }

  app.get('/mot-de-passe-oublie', { config: page }, async (req, reply) =>
    sendPage(reply, ForgotPasswordPage({ ctx: req.viewContext(), email: '', errors: [] })),
  )

  app.post(
    '/mot-de-passe-oublie',
    { schema: { body: formBody('email') }, config: page },
    async (req, reply) => {
      const { t } = req
      let email: string
      try {
        email = await passwords.requestReset(req.territory!, req.body.email ?? '', requestInfo(req, services))
      } catch (error) {
        const errors = fieldErrors(req, error)
        const typed = req.body.email ?? ''
        return sendPage(reply, ForgotPasswordPage({ ctx: req.viewContext(), email: typed, errors }), 400)
      }
      // The same page whether or not the address has an account.
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('reset.sent.title'),
          paragraphs: [t('reset.sent.text', { email }), t('reset.sent.validity')],
          notice: t('reset.sent.nothing'),
          links: [
            { href: '/mot-de-passe-oublie', text: t('reset.sent.again') },
            { href: '/connexion', text: t('reset.sent.login') },
          ],
        }),
      )
    },
  )

  app.get(RESET_PATH, { schema: { querystring: tokenQuery }, config: page }, async (req, reply) => {
    const token = req.query.jeton ?? ''
    noStore(reply)
    if (!(await passwords.accountForLink(req.territory!, token)))
      return sendPage(reply, invalidLink(req), 400)
    return sendPage(reply, ResetPasswordPage({ ctx: req.viewContext(), token, errors: [] }))
  })

  app.post(
    RESET_PATH,
    { schema: { body: formBody('jeton', 'password') }, config: page },
    async (req, reply) => {
      const token = req.body.jeton ?? ''
      noStore(reply)
      let outcome: Awaited<ReturnType<PasswordService['reset']>>
      try {
        outcome = await passwords.reset(req.territory!, token, req.body.password ?? '')
      } catch (error) {
        const errors = fieldErrors(req, error)
        return sendPage(reply, ResetPasswordPage({ ctx: req.viewContext(), token, errors }), 400)
      }
      if (outcome.kind === 'invalid-link') return sendPage(reply, invalidLink(req), 400)
      // Every session has ended, this browser's too: the page must not show it signed in.
      clearSessionCookie(reply, isHttps(services))
      req.actor = null
      req.session = null
      const { t } = req
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('reset.done.title'),
          success: t('reset.done.text'),
          links: [{ href: '/connexion', text: t('reset.done.login') }],
        }),
      )
    },
  )

  app.get('/compte/mot-de-passe', { config: { permission: 'session', scope: null } }, async (req, reply) =>
    sendPage(
      reply,
      ChangePasswordPage({
        ctx: req.viewContext(),
        errors: [],
        endOtherSessions: true,
      }),
    ),
  )

  app.post(
    '/compte/mot-de-passe',
    {
      schema: { body: formBody('currentPassword', 'newPassword', 'endOtherSessions') },
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      const endOtherSessions = req.body.endOtherSessions !== undefined
      const input = {
        current: req.body.currentPassword ?? '',
        next: req.body.newPassword ?? '',
        endOtherSessions,
      }
      let ended: number
      try {
        ended = (await passwords.change(req.actor, req.session, input)).endedSessions
      } catch (error) {
        const errors = fieldErrors(req, error)
        const view = ChangePasswordPage({ ctx: req.viewContext(), errors, endOtherSessions })
        return sendPage(reply, view, 400)
      }
      const { t } = req
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('password.changed.title'),
          success: t('password.changed.text'),
          paragraphs: ended > 0 ? [t('password.changed.others', { count: ended })] : [],
          links: [{ href: '/compte', text: t('password.change.back') }],
        }),
      )
    },
  )
}
