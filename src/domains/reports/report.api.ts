import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { reportReasons, reportTargets } from './report.schema.ts'
import { ReportService } from './report.service.ts'
import { COMMENT_MAX } from './report.ts'

const enumOf = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })

const ReportBody = Type.Object(
  {
    target: Type.String({ maxLength: 20, enum: [...reportTargets], description: 'what is reported' }),
    id: Type.String({
      maxLength: 100,
      description: 'the id of the listing, message, account or organisation',
    }),
    reason: Type.Optional(Type.String({ maxLength: 40, enum: [...reportReasons] })),
    comment: Type.Optional(
      Type.String({
        maxLength: 20_000,
        description: `at most ${COMMENT_MAX} characters; required for "other"`,
      }),
    ),
  },
  { additionalProperties: false },
)

const Receipt = Type.Object(
  {
    status: enumOf(['received', 'already-reported'] as const, {
      description: 'already-reported: this caller reported the same thing before; nothing new was stored',
    }),
  },
  { $id: 'ReportReceipt' },
)

/** Reporting from an application: the same rules as the form (one report per person and target). */
export async function reportApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const reports = new ReportService(services)
  app.addSchema(Receipt)

  app.post(
    '/api/v1/reports',
    {
      schema: {
        operationId: 'createReport',
        tags: ['reports'],
        summary: 'Report a listing, a message, a profile or an organisation',
        description:
          'A listing the caller can read, a message of one of their conversations, an account or a verified organisation of this platform; anything else is 404. In danger, call 17 or 112 first: reports are not read at once.',
        body: ReportBody,
        response: {
          201: Type.Ref('ReportReceipt'),
          200: Type.Ref('ReportReceipt'),
          400: Type.Ref('Problem'),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          404: Type.Ref('Problem'),
          429: Type.Ref('Problem'),
        },
      },
      config: { permission: 'session', scope: 'listings:write' },
    },
    async (req, reply) => {
      const { target, id, reason = '', comment = '' } = req.body
      const result = await reports.submit(req.actor, req.territory!, target, id, { reason, comment })
      if (result.kind === 'invalid') throw new ValidationError(result.issues)
      if (result.kind === 'already') return reply.code(200).send({ status: 'already-reported' as const })
      return reply.code(201).send({ status: 'received' as const })
    },
  )
}
