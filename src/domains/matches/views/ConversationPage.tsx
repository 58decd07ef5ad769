import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { CsrfField, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { ConversationView } from '../conversation.service.ts'
import { Conversation, conversationPath, partyName } from './Conversation.tsx'

/**
 * The conversation on a page of its own: where a refused message comes back with its error and
 * the text as typed (the match page shows the same conversation among the match's details).
 */
export function ConversationPage(props: {
  ctx: ViewContext
  view: ConversationView
  title: string
  draft?: string
  errors?: FieldError[]
}) {
  const { ctx, view, title, draft = '', errors = [] } = props
  const { t } = ctx
  const heading = t('conversation.page.title', { name: partyName(ctx, view.otherName) })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, heading, errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{heading}</h1>
      <p>{t('conversation.page.about', { title })}</p>
      <p>
        <a href={conversationPath(view.matchId)}>{t('conversation.page.back')}</a>
      </p>
      <Conversation ctx={ctx} view={view} draft={draft} errors={errors} />
    </Layout>
  )
}

/** One more step before blocking, saying what it does and that it can be undone. */
export function BlockPage({ ctx, matchId, name }: { ctx: ViewContext; matchId: string; name: string }) {
  const { t } = ctx
  const base = conversationPath(matchId)
  return (
    <Layout ctx={ctx} title={t('conversation.block.title', { name })}>
      <h1>{t('conversation.block.title', { name })}</h1>
      <p>{t('conversation.block.intro', { name })}</p>
      <p>{t('conversation.block.undo')}</p>
      <form method="post" action={`${base}/bloquer`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="button-warning">
          {t('conversation.block.confirm')}
        </button>
      </form>
      <p>
        <a href={`${base}#conversation`}>{t('conversation.block.cancel')}</a>
      </p>
    </Layout>
  )
}
