import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { localPathOr } from '../../../platform/http/local-path.ts'
import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues } from '../../../platform/validation.ts'
import { sendPage } from '../../../platform/views/render.ts'
import { PushDeviceService } from '../push/push-device.service.ts'
import { clearSessionCookie } from '../sessions/auth.plugin.ts'
import { emailChangePages } from './email-change.pages.tsx'
import { EmailTokens } from './email-tokens.ts'
import { formBody, isHttps, requestInfo, sendSessionCookie } from './identity.http.ts'
import { LoginService } from './login.service.ts'
import { passwordPages } from './password.pages.tsx'
import type { SuspendedSignIn, SuspensionNotice } from './suspended-sign-in.ts'
import { unconfirmedLogin, verificationPages } from './verification.pages.tsx'
import { LoginPage } from './views/LoginPage.tsx'
import { MessagePage } from './views/MessagePage.tsx'

const LoginForm = formBody('email', 'password', 'retour')

/** The right password of a suspended account: until when, why, where the details are, and the mail again. */
function suspendedLogin(req: FastifyRequest, notice: SuspensionNotice) {
  const { t } = req
  return MessagePage({
    ctx: req.viewContext(),
    title: t('login.suspended.title'),
    paragraphs: [
      notice.until
        ? t('login.suspended.until', { date: formatDateTime(notice.until, req.locale) })
        : t('login.suspended.ban'),
      t('login.suspended.reason', { reason: t(notice.reason) }),
      t('login.suspended.why'),
    ],
    notice: t('login.suspended.resendHint'),
    button: { ...notice.resend, label: t('login.suspended.resend') },
  })
}

/**
 * Signing in and out, and the pages reached from emailed links (verification, reset, new address).
 * `suspendedSignIn` is moderation's answer for a suspended account (see `AccountsSlots`).
 */
export function identityPages(suspendedSignIn?: SuspendedSignIn) {
  return (base: FastifyInstance, services: AppServices) => identityRoutes(base, services, suspendedSignIn)
}

async function identityRoutes(
  base: FastifyInstance,
  services: AppServices,
  suspendedSignIn?: SuspendedSignIn,
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const tokens = new EmailTokens(services.database, services.clock, services.ids)
  const login = new LoginService(services, suspendedSignIn)

  app.get(
    '/connexion',
    {
      schema: { querystring: Type.Object({ retour: Type.Optional(Type.String({ maxLength: 2000 })) }) },
      config: { permission: 'public', scope: null },
    },
    async (req, reply) => {
      const retour = localPathOr(req.query.retour)
      if (req.actor) return reply.redirect(retour, 303)
      return sendPage(reply, LoginPage({ ctx: req.viewContext(), email: '', retour, errors: [] }))
    },
  )

  app.post(
    '/connexion',
    { schema: { body: LoginForm }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const retour = localPathOr(req.body.retour)
      const input = { email: req.body.email ?? '', password: req.body.password ?? '' }
      const { ip, device } = requestInfo(req, services)
      const result = await login.login(req.territory!, input, { ip, device, current: req.session })
      if (result.kind === 'invalid') {
        const errors = translateIssues(result.issues, req.t)
        return sendPage(reply, LoginPage({ ctx: req.viewContext(), email: input.email, retour, errors }), 400)
      }
      if (result.kind === 'unconfirmed')
        return sendPage(reply, unconfirmedLogin(req, services, result.accountId, retour), 403)
      if (result.kind === 'suspended') return sendPage(reply, suspendedLogin(req, result.notice), 403)
      sendSessionCookie(reply, services, result.session)
      const back = encodeURIComponent(retour)
      if (result.next === 'second-factor')
        return reply.redirect(`/connexion/second-facteur?retour=${back}`, 303)
      if (result.next === 'enrol') return reply.redirect(`/compte/securite?retour=${back}`, 303)
      return reply.redirect(retour, 303)
    },
  )

  // A page rather than a bare link: signing out changes something, so it is a button that posts.
  app.get('/deconnexion', { config: { permission: 'public', scope: null } }, async (req, reply) => {
    const ctx = req.viewContext()
    const { t } = req
    if (req.actor) {
      return sendPage(
        reply,
        MessagePage({
          ctx,
          title: t('login.logout.title'),
          paragraphs: [t('login.logout.confirm')],
          button: { action: '/deconnexion', label: t('login.logout.submit') },
        }),
      )
    }
    return sendPage(
      reply,
      MessagePage({
        ctx,
        title: t('login.loggedOut.title'),
        paragraphs: [t('login.loggedOut.text')],
        links: [{ href: '/connexion', text: t('login.loggedOut.again') }],
      }),
    )
  })

  app.post('/deconnexion', { config: { permission: 'public', scope: null } }, async (req, reply) => {
    // The browser's script names its push subscription when it drops it: that device stops receiving.
    await new PushDeviceService(services).forgetAtSignOut(
      req.actor,
      (req.body as Record<string, unknown> | undefined)?.pushEndpoint,
    )
    await login.logout(req.actor, req.session)
    clearSessionCookie(reply, isHttps(services))
    return reply.redirect('/deconnexion', 303)
  })

  verificationPages(app, services, tokens)
  passwordPages(app, services, tokens)
  emailChangePages(app, services, tokens)
}
