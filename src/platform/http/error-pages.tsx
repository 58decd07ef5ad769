import type { MessageKey } from '../i18n/i18n.ts'
import type { ViewContext } from '../views/context.ts'
import { Layout } from '../views/Layout.tsx'

const PAGES: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  403: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  404: { title: 'error.notFound.title', body: 'error.notFound.body' },
  429: { title: 'error.tooMany.title', body: 'error.tooMany.body' },
  500: { title: 'error.server.title', body: 'error.server.body' },
}

export function ErrorPage({
  ctx,
  status,
  reference,
  host,
}: {
  ctx: ViewContext
  status: number
  reference: string
  host: string
}) {
  const page = PAGES[status] ?? PAGES[status >= 500 ? 500 : 400]!
  const unknownTerritory = status === 404 && ctx.territory === null
  const title = ctx.t(unknownTerritory ? 'error.unknownTerritory.title' : page.title)
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        {unknownTerritory ? ctx.t('error.unknownTerritory.body', { host }) : ctx.t(page.body, { reference })}
      </p>
      {!unknownTerritory && (
        <p>
          <a href="/">{ctx.t('error.backHome')}</a>
        </p>
      )}
    </Layout>
  )
}
