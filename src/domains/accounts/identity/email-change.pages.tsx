import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { sendPage } from '../../../platform/views/render.ts'
import { EMAIL_CONFIRM_PATH, EmailChangeService } from './email-change.service.ts'
import type { EmailTokens } from './email-tokens.ts'
import { fieldErrors, formBody, noStore, requestInfo, tokenQuery } from './identity.http.ts'
import { ChangeEmailPage } from './views/ChangeEmailPage.tsx'
import { MessagePage } from './views/MessagePage.tsx'

function failure(req: FastifyRequest, reason: 'invalid-link' | 'taken') {
  const { t } = req
  return MessagePage({
    ctx: req.viewContext(),
    title: t(reason === 'taken' ? 'email.confirm.taken.title' : 'email.confirm.invalid.title'),
    paragraphs: [t(reason === 'taken' ? 'email.confirm.taken.text' : 'email.confirm.invalid.text')],
    links: [{ href: '/compte/adresse', text: t('email.confirm.again') }],
  })
}

/** Changing one's address: asked with the password, done when the link sent to the new address is used. */
export function emailChangePages(base: FastifyInstance, services: AppServices, tokens: EmailTokens) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const emailChange = new EmailChangeService(services, tokens)

  app.get('/compte/adresse', { config: { permission: 'session', scope: null } }, async (req, reply) => {
    const actor = req.actor!
    const view = ChangeEmailPage({
      ctx: req.viewContext(),
      currentEmail: actor.email,
      email: '',
      errors: [],
    })
    return sendPage(reply, view)
  })

  app.post(
    '/compte/adresse',
    { schema: { body: formBody('email', 'password') }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const actor = req.actor!
      const input = { email: req.body.email ?? '', password: req.body.password ?? '' }
      let email: string
      try {
        const base = requestInfo(req, services).linkBase
        email = (await emailChange.request(actor, req.session, req.territory!, input, base)).email
      } catch (error) {
        const errors = fieldErrors(req, error)
        const view = ChangeEmailPage({
          ctx: req.viewContext(),
          currentEmail: actor.email,
          email: input.email,
          errors,
        })
        return sendPage(reply, view, 400)
      }
      const { t } = req
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('email.sent.title'),
          paragraphs: [t('email.sent.text', { email }), t('email.sent.meanwhile', { current: actor.email })],
          links: [{ href: '/compte', text: t('password.change.back') }],
        }),
      )
    },
  )

  // The link may be opened on another device, signed out: the token alone proves the new mailbox.
  app.get(
    EMAIL_CONFIRM_PATH,
    { schema: { querystring: tokenQuery }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      noStore(reply)
      if (!(await emailChange.usable(req.territory!, token)))
        return sendPage(reply, failure(req, 'invalid-link'), 400)
      const { t } = req
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('email.confirm.title'),
          paragraphs: [t('email.confirm.text')],
          button: { action: EMAIL_CONFIRM_PATH, label: t('email.confirm.submit'), fields: { jeton: token } },
        }),
      )
    },
  )

  app.post(
    EMAIL_CONFIRM_PATH,
    { schema: { body: formBody('jeton') }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const result = await emailChange.confirm(req.territory!, req.body.jeton ?? '')
      if (result.kind !== 'changed') return sendPage(reply, failure(req, result.kind), 400)
      const { t } = req
      return sendPage(
        reply,
        MessagePage({
          ctx: req.viewContext(),
          title: t('email.done.title'),
          success: t('email.done.text', { email: result.email }),
          links: [
            {
              href: req.actor ? '/compte' : '/connexion',
              text: t(req.actor ? 'password.change.back' : 'verify.done.login'),
            },
          ],
        }),
      )
    },
  )
}
