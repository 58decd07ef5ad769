import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { withoutControlCharacters } from '../http/control-characters.ts'
import { numberFormat } from '../i18n/intl.ts'
import type { AppServices } from '../services.ts'
import { translateIssues, ValidationError } from '../validation.ts'
import type { ViewContext } from '../views/context.ts'
import { ErrorSummary, type FieldError } from '../views/ErrorSummary.tsx'
import { Layout } from '../views/Layout.tsx'
import { sendPage } from '../views/render.ts'
import { CommuneField } from './CommuneField.tsx'
import type { Commune } from './commune.ts'

/** A page lists more than the autocompletion offers, but a query matching hundreds shows the best ones only. */
const PAGE_LIMIT = 20

interface SearchPageProps {
  ctx: ViewContext
  query: string
  /** null when nothing was searched yet */
  results: Commune[] | null
  errors: FieldError[]
}

function CommuneItem({ ctx, commune }: { ctx: ViewContext; commune: Commune }) {
  const number = numberFormat(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB')
  const codes = commune.postalCodes.join(', ')
  return (
    <li>
      <h3>{commune.name}</h3>
      <p>
        {commune.formerName && (
          <>
            {ctx.t('commune.formerLine', { name: commune.formerName })}
            <br />
          </>
        )}
        {ctx.t(commune.postalCodes.length > 1 ? 'commune.postalCodes' : 'commune.postalCode', { codes })}
        <br />
        {ctx.t('commune.population', { population: number.format(commune.population) })}
        <br />
        {ctx.t('commune.departement', { code: commune.departement })}
      </p>
    </li>
  )
}

function CommuneSearchPage({ ctx, query, results, errors }: SearchPageProps) {
  const { t } = ctx
  const title = t('commune.search.title')
  return (
    <Layout ctx={ctx} title={title} scripts={['commune-field.js']}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p>{t('commune.search.intro')}</p>
      <form method="get" action="/communes">
        <CommuneField
          ctx={ctx}
          name="q"
          id="q"
          label={t('commune.search.label')}
          hint={t('commune.search.hint')}
          value={query}
          error={errors.find((e) => e.field === 'q')?.message}
        />
        <button type="submit">{t('commune.search.submit')}</button>
      </form>
      {results && (
        <section aria-labelledby="resultats">
          <h2 id="resultats">{t('commune.search.resultsTitle')}</h2>
          {results.length === 0 ? (
            <p>{t('commune.search.none', { query })}</p>
          ) : (
            <>
              <p>
                {results.length === 1
                  ? t('commune.search.countOne', { query })
                  : t(
                      results.length < PAGE_LIMIT ? 'commune.search.countMany' : 'commune.search.countFirst',
                      {
                        count: results.length,
                        query,
                      },
                    )}
              </p>
              <ul class="results">
                {results.map((commune) => (
                  <CommuneItem ctx={ctx} commune={commune} key={commune.insee} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </Layout>
  )
}

export async function communePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()

  // No maxLength in the schema: a too long query gets this page with its error summary, not a bare 400.
  app.get(
    '/communes',
    {
      schema: { querystring: Type.Object({ q: Type.Optional(Type.String()) }) },
      config: {
        permission: 'public',
        scope: null,
        // A refused invisible character: this page with its error summary, the rest of the text kept.
        refill: (req, reply, errors) => {
          const raw = (req.query as { q?: unknown }).q
          const query = withoutControlCharacters(typeof raw === 'string' ? raw : '')
          return sendPage(
            reply,
            CommuneSearchPage({ ctx: req.viewContext(), query, results: null, errors }),
            400,
          )
        },
      },
    },
    async (req, reply) => {
      const query = req.query.q ?? ''
      const ctx = req.viewContext()
      if (query.trim() === '')
        return sendPage(reply, CommuneSearchPage({ ctx, query, results: null, errors: [] }))
      try {
        const results = await services.communes.search(req.territory!, query, PAGE_LIMIT)
        return sendPage(reply, CommuneSearchPage({ ctx, query, results, errors: [] }))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        const errors = translateIssues(error.issues, req.t)
        return sendPage(reply, CommuneSearchPage({ ctx, query, results: null, errors }), 400)
      }
    },
  )
}
