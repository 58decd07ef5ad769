import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { AskSummary, Suggestion } from '../suggestion.service.ts'
import { dispatchPaths } from './paths.ts'
import { ageText } from './UnansweredPage.tsx'

interface Props {
  ctx: ViewContext
  ask: AskSummary
  suggestions: (Suggestion & { why: string[] })[]
  errors: FieldError[]
  checked: string[]
  notice: string | null
}

/** One ask and the volunteers it may go to, each with why; names and communes only, never a contact. */
export function SuggestionsPage({ ctx, ask, suggestions, errors, checked, notice }: Props) {
  const { t } = ctx
  const title = t('dispatch.suggest.title', { title: ask.title })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href={dispatchPaths.list}>{t('dispatch.suggest.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && <Confirmation text={notice} />}
      <h2>{t('dispatch.suggest.ask')}</h2>
      <dl class="summary">
        <dt>{t('dispatch.col.category')}</dt>
        <dd>{ask.categoryName}</dd>
        <dt>{t('dispatch.col.commune')}</dt>
        <dd>{ask.communeName}</dd>
        <dt>{t('dispatch.col.age')}</dt>
        <dd>
          {ageText(t, ask.ageHours)}
          {ask.relayed && ` · ${t('dispatch.badge.relayed')}`}
        </dd>
      </dl>
      <p class="listing-description">{ask.description}</p>
      {suggestions.length === 0 ? (
        <p class="notice">{t('dispatch.suggest.none')}</p>
      ) : (
        <form method="post" action={dispatchPaths.propose(ask.listingId)} novalidate>
          <CsrfField ctx={ctx} />
          <div class={errors.length > 0 ? 'field field-error' : 'field'}>
            <fieldset aria-describedby="volunteers-hint">
              <legend>{t('dispatch.suggest.legend')}</legend>
              <span id="volunteers-hint" class="hint">
                {t('dispatch.suggest.hint')}
              </span>
              {errors[0] && (
                <span id="volunteers-error" class="error-message">
                  {errors[0].message}
                </span>
              )}
              <ol class="suggestions">
                {suggestions.map((s, i) => (
                  <li key={s.volunteerId}>
                    <label class="choice">
                      <input
                        type="checkbox"
                        name="volunteers"
                        id={i === 0 ? 'volunteers' : `volunteers-${s.volunteerId}`}
                        value={s.volunteerId}
                        checked={checked.includes(s.volunteerId)}
                      />
                      <strong>{s.displayName}</strong> ({s.communeName}) —{' '}
                      {t('dispatch.suggest.score', { score: Math.round(s.score) })}
                    </label>
                    <p class="why">{s.why.join(' · ')}</p>
                    {s.alreadyProposed && <p class="hint">{t('dispatch.suggest.already')}</p>}
                  </li>
                ))}
              </ol>
            </fieldset>
          </div>
          <button type="submit">{t('dispatch.suggest.submit')}</button>
        </form>
      )}
    </Layout>
  )
}
