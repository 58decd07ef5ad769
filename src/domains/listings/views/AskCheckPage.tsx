import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Checkbox, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { AskAnswers } from '../ask-steps.ts'
import { whenText } from './parts.tsx'

interface Row {
  /** the page that asks it, and the id the error summary links to */
  slug: string
  id: string
  label: MessageKey
  /** said after « Modifier » to screen readers, since every row has the same link */
  which: MessageKey
  value: string
}

/** Which row a rule's issue belongs to on the check page. */
export const rowOfIssue: Record<string, string> = {
  categoryId: 'categoryId',
  title: 'title',
  description: 'description',
  commune: 'commune',
  whenKind: 'whenKind',
  whenStart: 'whenKind',
  whenEnd: 'whenKind',
  recurrence: 'whenKind',
  urgency: 'urgency',
  onBehalfName: 'forWhom',
  onBehalfRelation: 'forWhom',
  onBehalfConsent: 'forWhom',
  charter: 'charter',
}

function rows(ctx: ViewContext, answers: AskAnswers, categoryName: string): Row[] {
  const { t } = ctx
  const when = whenText(ctx, {
    kind: (answers.whenKind ?? 'flexible') as 'flexible',
    start: answers.whenStart ?? null,
    end: answers.whenEnd ?? null,
    recurrence: answers.recurrence ?? null,
  })
  const urgency = answers.urgency as 'today' | 'week' | 'no-rush'
  const forWhom =
    answers.forWhom === 'other'
      ? t('listing.page.onBehalf', {
          name: answers.onBehalfName ?? '',
          relation: answers.onBehalfRelation ?? '',
        })
      : t('listing.forWhom.self')
  return [
    {
      slug: 'aide',
      id: 'categoryId',
      label: 'ask.check.category',
      which: 'ask.check.categoryWhich',
      value: categoryName,
    },
    {
      slug: 'description',
      id: 'title',
      label: 'listing.title.label',
      which: 'ask.check.titleWhich',
      value: answers.title ?? '',
    },
    {
      slug: 'description',
      id: 'description',
      label: 'listing.description.label',
      which: 'ask.check.descriptionWhich',
      value: answers.description ?? '',
    },
    {
      slug: 'commune',
      id: 'commune',
      label: 'listing.commune.label',
      which: 'ask.check.communeWhich',
      value: answers.commune ?? '',
    },
    { slug: 'quand', id: 'whenKind', label: 'ask.check.when', which: 'ask.check.whenWhich', value: when },
    {
      slug: 'urgence',
      id: 'urgency',
      label: 'ask.check.urgency',
      which: 'ask.check.urgencyWhich',
      value: t(`listing.urgency.${urgency}`),
    },
    {
      slug: 'pour-qui',
      id: 'forWhom',
      label: 'ask.check.forWhom',
      which: 'ask.check.forWhomWhich',
      value: forWhom,
    },
  ]
}

/** « Vérifiez votre demande »: every answer with its « Modifier » link, the charter, then « Publier ». */
export function AskCheckPage(props: {
  ctx: ViewContext
  draftId: string
  answers: AskAnswers
  categoryName: string
  back: string
  errors: FieldError[]
  charter: boolean
}) {
  const { ctx, draftId, answers, categoryName, back, errors, charter } = props
  const { t } = ctx
  const title = t('ask.check.title')
  const base = `/annonces/demande/${draftId}`
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p class="back-link">
        <a href={back}>{t('ask.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <dl class="summary-list">
        {rows(ctx, answers, categoryName).map((row) => (
          <div key={row.id} id={row.id}>
            <dt>{t(row.label)}</dt>
            <dd class="summary-value">{row.value}</dd>
            <dd class="summary-action">
              <a href={`${base}/${row.slug}?depuis=verifier`}>
                {t('ask.check.change')}
                <span class="visually-hidden"> {t(row.which)}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t('ask.check.publishTitle')}</h2>
      <p>{t('ask.check.publishIntro')}</p>
      <form method="post" action={`${base}/${'publier'}`} novalidate>
        <CsrfField ctx={ctx} />
        <Checkbox
          ctx={ctx}
          name="charter"
          checked={charter}
          error={errorFor(errors, 'charter')}
          label={
            <>
              {t('listing.charter.label')}{' '}
              <a href="/charte" target="_blank" rel="noopener">
                {t('listing.charter.link')}
              </a>
            </>
          }
        />
        <button type="submit">{t('ask.check.publish')}</button>
      </form>
    </Layout>
  )
}
