import { CommuneField } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { Territory } from '../../territories/territory.ts'

export type CoverageResult =
  | { kind: 'empty' }
  | { kind: 'covered'; commune: Commune }
  | { kind: 'choose'; communes: Commune[] }
  | { kind: 'not-covered' }

interface Props {
  ctx: ViewContext
  territory: Territory
  query: string
  result: CoverageResult
  errors: FieldError[]
}

/**
 * The first step of signing up: is my commune part of this platform? Account creation itself
 * comes with the accounts feature; until then the page says how to reach the Département.
 */
export function SignUpPage({ ctx, territory, query, result, errors }: Props) {
  const { t } = ctx
  const names = { name: territory.platformName, email: territory.contactEmail }
  return (
    <Layout
      ctx={ctx}
      title={errors.length > 0 ? `${t('error.summaryTitle')} – ${t('signup.title')}` : t('signup.title')}
      scripts={['commune-field.js']}
    >
      <h1>{t('signup.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('signup.intro', names)}</p>
      <form method="get" action="/inscription" novalidate>
        <CommuneField
          ctx={ctx}
          name="commune"
          id="commune"
          label={t('signup.commune.label')}
          hint={t('signup.commune.hint')}
          value={query}
          error={errors.find((e) => e.field === 'commune')?.message}
        />
        <button type="submit">{t('signup.check')}</button>
      </form>
      <div aria-live="polite">
        {result.kind === 'covered' && (
          <p class="success">
            {t('signup.covered', {
              commune: `${result.commune.name} (${result.commune.postalCodes.join(', ')})`,
              name: territory.platformName,
            })}
          </p>
        )}
        {result.kind === 'not-covered' && (
          <p class="notice">{t('signup.notCovered', { query, name: territory.platformName })}</p>
        )}
        {result.kind === 'choose' && (
          <>
            <p>{t('signup.choose')}</p>
            <ul class="results">
              {result.communes.map((c) => (
                <li key={c.insee}>
                  <a href={`/inscription?commune=${c.insee}`}>
                    {c.name} ({c.postalCodes.join(', ')})
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p class="notice">{t('signup.accountsSoon', names)}</p>
    </Layout>
  )
}
