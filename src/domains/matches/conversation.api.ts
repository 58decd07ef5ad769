import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import {
  ConversationService,
  type ConversationView,
  MESSAGE_MAX,
  type MessageView,
} from './conversation.service.ts'
import { closedMessage } from './views/Conversation.tsx'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
}
const closedReasons = ['declined', 'withdrawn', 'cancelled', 'blocked', 'blockedByMe', 'unverified']
const idParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'the match id' }) })

const MessageSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    mine: Type.Boolean({ description: 'the caller wrote it' }),
    sender: Type.Object({ displayName: Type.String({ examples: ['Marie D.'] }) }),
    body: Type.String({
      description: 'plain text as typed, line breaks kept; show it as text, never as HTML',
      examples: ['Bonjour, je peux passer samedi vers 10 h. Cela vous convient ?'],
    }),
    createdAt: Type.String({ format: 'date-time', examples: ['2026-03-16T09:30:00.000Z'] }),
    seen: Type.Boolean({ description: 'the recipient has opened the conversation since («\u00a0vu\u00a0»)' }),
  },
  { $id: 'ConversationMessage', description: 'One message of a match’s conversation' },
)

const ConversationSchema = Type.Object(
  {
    matchId: Type.String({ format: 'uuid' }),
    otherParty: Type.Object({ displayName: Type.String({ examples: ['Marie D.'] }) }),
    canWrite: Type.Boolean({ description: 'false once the match ended, after a block, or unverified' }),
    closed: Type.Union([Type.Unsafe<string>({ type: 'string', enum: closedReasons }), Type.Null()], {
      description: 'why canWrite is false; blockedByMe: the caller blocked the other party',
    }),
    blockedByMe: Type.Boolean(),
    truncated: Type.Boolean({ description: 'older messages exist beyond those returned' }),
    messages: Type.Array(Type.Ref('ConversationMessage'), { description: 'oldest first' }),
  },
  {
    $id: 'Conversation',
    description:
      'The conversation of a match, between its two parties only. Reading it marks the other party’s messages as seen.',
  },
)

const MessageBody = Type.Object(
  {
    body: Type.String({
      maxLength: 50_000,
      description: `plain text, trimmed, ${MESSAGE_MAX} characters at most`,
      examples: ['Bonjour, je peux passer samedi vers 10 h. Cela vous convient ?'],
    }),
  },
  { additionalProperties: false },
)

const BlockState = Type.Object({
  blockedByMe: Type.Boolean({ description: 'the caller now blocks the other party of this match' }),
})

/** `line`: the phone line's name in the caller's language, shown instead of its agent's. */
function messageJson(m: MessageView, line: string) {
  return {
    id: m.id,
    mine: m.mine,
    sender: { displayName: m.senderName ?? line },
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    seen: m.seen,
  }
}

function conversationJson(view: ConversationView, line: string) {
  return {
    matchId: view.matchId,
    otherParty: { displayName: view.otherName ?? line },
    canWrite: view.canWrite,
    closed: view.closed,
    blockedByMe: view.blockedByMe,
    truncated: view.truncated,
    messages: view.messages.map((m) => messageJson(m, line)),
  }
}

/** The JSON side of conversations: the same use cases, permissions and rules as the pages. */
export async function conversationApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const conversations = new ConversationService(services)
  app.addSchema(MessageSchema)
  app.addSchema(ConversationSchema)

  app.get(
    '/api/v1/matches/:id/messages',
    {
      schema: {
        operationId: 'getConversation',
        tags: ['matches'],
        summary: 'The conversation of a match',
        description:
          'Only the two parties read it; anyone else gets 404. Marks the other party’s messages as seen. Scope « listings:read ».',
        params: idParams,
        response: {
          200: Type.Ref('Conversation'),
          401: problems[401],
          403: problems[403],
          404: problems[404],
        },
      },
      config: { permission: 'session', scope: 'listings:read' },
    },
    async (req) => {
      const { view } = await conversations.open(req.actor, req.territory!, req.params.id)
      return conversationJson(view, req.t('conversation.line'))
    },
  )

  app.post(
    '/api/v1/matches/:id/messages',
    {
      schema: {
        operationId: 'sendMessage',
        tags: ['matches'],
        summary: 'Write in the conversation of a match',
        description:
          'While the match is pending, accepted or done. Refused (403) when either party blocked the other, 409 once the match ended; nothing is stored then. At most 60 messages an hour. The recipient is emailed at most once per conversation every 15 minutes. Scope « listings:write ».',
        params: idParams,
        body: MessageBody,
        response: { 201: Type.Ref('ConversationMessage'), ...problems },
      },
      config: { permission: 'verified', scope: 'listings:write' },
    },
    async (req, reply) => {
      const result = await conversations.send(req.actor, req.territory!, req.params.id, req.body.body)
      if (result.kind === 'invalid') throw new ValidationError(result.issues)
      if (result.kind === 'refused') {
        const blocked = result.reason === 'blocked' || result.reason === 'blockedByMe'
        throw new HttpError(blocked ? 403 : 409, req.t(closedMessage(result.reason)))
      }
      return reply.code(201).send(messageJson(result.message, req.t('conversation.line')))
    },
  )

  const blockRoute = (method: 'POST' | 'DELETE') => ({
    schema: {
      operationId: method === 'POST' ? 'blockMatchParty' : 'unblockMatchParty',
      tags: ['matches'],
      summary: method === 'POST' ? 'Block the other party of a match' : 'Unblock the other party of a match',
      description:
        method === 'POST'
          ? 'They can no longer write to the caller, in any conversation, nor respond to the caller’s listings. The caller still reads. Scope « listings:write ».'
          : 'They may write and respond again. Scope « listings:write ».',
      params: idParams,
      response: { 200: BlockState, 401: problems[401], 403: problems[403], 404: problems[404] },
    },
    config: { permission: 'session' as const, scope: 'listings:write' as const },
  })
  const run = (blocked: boolean) => async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const territory = req.territory!
    if (blocked) await conversations.block(req.actor, territory, req.params.id)
    else await conversations.unblock(req.actor, territory, req.params.id)
    return { blockedByMe: blocked }
  }
  app.post('/api/v1/matches/:id/block', blockRoute('POST'), run(true))
  app.delete('/api/v1/matches/:id/block', blockRoute('DELETE'), run(false))
}
