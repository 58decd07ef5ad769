import type { ViewContext } from '../../../../platform/views/context.ts'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { TokenView } from '../tokens.service.ts'

/**
 * The only time the token's value exists outside the app that will use it: the database keeps
 * its hash. The page is not cached (signed-in pages are no-store) and says so plainly.
 */
export function TokenCreatedPage({ ctx, token, view }: { ctx: ViewContext; token: string; view: TokenView }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('tokens.shown.title')}>
      <h1>{t('tokens.shown.title')}</h1>
      <div class="notice" role="alert">
        <p>{t('tokens.shown.warning')}</p>
      </div>
      <div class="field">
        <label for="token">{t('tokens.shown.label', { name: view.name })}</label>
        <input type="text" id="token" value={token} readOnly spellcheck={false} autocomplete="off" />
      </div>
      <p>
        <a href="/compte/jetons">{t('tokens.shown.back')}</a>
      </p>
    </Layout>
  )
}
