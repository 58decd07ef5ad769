import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { tokenScopes } from '../../../platform/auth/scopes.ts'
import type { AppServices } from '../../../platform/services.ts'
import { TOKEN_NAME_MAX, TokenService, type TokenView } from './tokens.service.ts'

const Scope = Type.Unsafe<string>({ type: 'string', enum: [...tokenScopes] })
const problem = Type.Ref('Problem')

const TokenSummary = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({ examples: ['Téléphone de Zoé'] }),
    scopes: Type.Array(Scope, { examples: [['profile:read']] }),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'AccessToken', description: 'A personal access token, without its value' },
)

const CreatedToken = Type.Object(
  {
    token: Type.String({
      description: 'the value to send as « Authorization: Bearer … »; returned this once only',
      examples: ['ent_…'],
    }),
    accessToken: Type.Ref('AccessToken'),
  },
  { $id: 'CreatedAccessToken' },
)

const json = (view: TokenView) => ({
  ...view,
  createdAt: view.createdAt.toISOString(),
  lastUsedAt: view.lastUsedAt?.toISOString() ?? null,
})

const about =
  'From a signed-in browser session only (send the x-csrf-token header): a token cannot create, list or revoke tokens.'

/** Tokens for the caller's apps, managed from the web session: a token itself gets 403 here. */
export async function tokensApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const tokens = new TokenService(services)
  app.addSchema(TokenSummary)

  app.get(
    '/api/v1/me/tokens',
    {
      schema: {
        operationId: 'listMyTokens',
        tags: ['accounts'],
        summary: 'My access tokens',
        description: about,
        response: { 200: Type.Array(Type.Ref('AccessToken')), 401: problem, 403: problem },
      },
      config: { permission: 'session', scope: null },
    },
    async (req) => (await tokens.list(req.actor, req.territory!)).map(json),
  )

  app.post(
    '/api/v1/me/tokens',
    {
      schema: {
        operationId: 'createToken',
        tags: ['accounts'],
        summary: 'Create an access token',
        description: about,
        body: Type.Object(
          {
            name: Type.String({ maxLength: TOKEN_NAME_MAX * 4, examples: ['Téléphone de Zoé'] }),
            scopes: Type.Array(Type.String({ maxLength: 50 }), {
              maxItems: 20,
              examples: [['profile:read']],
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreatedToken, 400: problem, 401: problem, 403: problem },
      },
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      const { token, view } = await tokens.create(req.actor, req.territory!, req.body)
      return reply.code(201).send({ token, accessToken: json(view) })
    },
  )

  app.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: {
        operationId: 'revokeToken',
        tags: ['accounts'],
        summary: 'Revoke an access token',
        description: about,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), 401: problem, 403: problem, 404: problem },
      },
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      await tokens.revoke(req.actor, req.territory!, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
