import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { type CoverageResult, SignUpPage } from './views/SignUpPage.tsx'

const MAX_QUERY = 100

export async function signUpPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/inscription',
    {
      // A long value is answered by the page's own error message rather than a bare 400.
      schema: { querystring: Type.Object({ commune: Type.Optional(Type.String({ maxLength: 100_000 })) }) },
      config: { permission: 'public' },
    },
    async (req, reply) => {
      const territory = req.territory!
      const query = (req.query.commune ?? '').trim()
      const submitted = req.query.commune !== undefined
      const errors: FieldError[] = []
      let result: CoverageResult = { kind: 'empty' }
      if (submitted && query === '')
        errors.push({ field: 'commune', message: req.t('signup.commune.required') })
      else if (query.length > MAX_QUERY)
        errors.push({ field: 'commune', message: req.t('signup.commune.tooLong') })
      else if (query !== '') {
        const found = await services.communes.resolve(territory, query)
        result =
          found.kind === 'one'
            ? { kind: 'covered', commune: found.commune }
            : found.kind === 'many'
              ? { kind: 'choose', communes: found.communes }
              : { kind: 'not-covered' }
      }
      const shown = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query
      return sendPage(
        reply,
        SignUpPage({ ctx: req.viewContext(), territory, query: shown, result, errors }),
        errors.length ? 400 : 200,
      )
    },
  )
}
