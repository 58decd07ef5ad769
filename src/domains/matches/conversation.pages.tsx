import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { ConversationService } from './conversation.service.ts'
import { closedMessage, conversationPath } from './views/Conversation.tsx'
import { BlockPage, ConversationPage } from './views/ConversationPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
/** Longer than allowed on purpose: an over-long message gets a sentence, not a bare 400. */
const MessageForm = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  body: Type.Optional(Type.String({ maxLength: 50_000 })),
})

/**
 * Writing in a match's conversation, and blocking its other party. The conversation itself is
 * shown on the match page (/mises-en-relation/:id) and on /mises-en-relation/:id/messages.
 */
export async function conversationPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const conversations = new ConversationService(services)

  app.get(
    '/mises-en-relation/:id/messages',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const { view, title } = await conversations.open(req.actor, req.territory!, req.params.id)
      return sendPage(reply, ConversationPage({ ctx: req.viewContext(), view, title }))
    },
  )

  app.post(
    '/mises-en-relation/:id/messages',
    { schema: { params: idParams, body: MessageForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const draft = req.body.body ?? ''
      const result = await conversations.send(req.actor, territory, req.params.id, draft)
      if (result.kind === 'sent')
        return reply.redirect(`${conversationPath(req.params.id)}#conversation`, 303)
      // The text comes back as typed, with the reason beside it: nothing is lost, nothing was saved.
      const { view, title } = await conversations.open(req.actor, territory, req.params.id)
      const ctx = req.viewContext()
      if (result.kind === 'invalid') {
        const errors = translateIssues(result.issues, req.t)
        return sendPage(reply, ConversationPage({ ctx, view, title, draft, errors }), 400)
      }
      const errors = [{ field: 'conversation', message: req.t(closedMessage(result.reason)) }]
      const status = result.reason === 'blocked' || result.reason === 'blockedByMe' ? 403 : 409
      return sendPage(reply, ConversationPage({ ctx, view, title, draft, errors }), status)
    },
  )

  app.get(
    '/mises-en-relation/:id/bloquer',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const other = await conversations.otherName(req.actor, req.territory!, req.params.id)
      const name = other ?? req.t('conversation.line')
      return sendPage(reply, BlockPage({ ctx: req.viewContext(), matchId: req.params.id, name }))
    },
  )

  app.post(
    '/mises-en-relation/:id/bloquer',
    { schema: { params: idParams, body: MessageForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await conversations.block(req.actor, req.territory!, req.params.id)
      return reply.redirect(`${conversationPath(req.params.id)}?conversation=bloquee#conversation`, 303)
    },
  )

  app.post(
    '/mises-en-relation/:id/debloquer',
    { schema: { params: idParams, body: MessageForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await conversations.unblock(req.actor, req.territory!, req.params.id)
      return reply.redirect(`${conversationPath(req.params.id)}?conversation=debloquee#conversation`, 303)
    },
  )
}
