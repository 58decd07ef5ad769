import type { MessageKey } from '../i18n/i18n.ts'
import type { ViewContext } from '../views/context.ts'
import { Layout } from '../views/Layout.tsx'

const PAGES: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  403: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  404: { title: 'error.notFound.title', body: 'error.notFound.body' },
  429: { title: 'error.tooMany.title', body: 'error.tooMany.body' },
  500: { title: 'error.server.title', body: 'error.server.body' },
  503: { title: 'error.unavailable.title', body: 'error.unavailable.body' },
}

/** Unverified people may read but not post: the page says why, and the banner above resends the link. */
const VERIFICATION_REQUIRED = { title: 'error.verify.title', body: 'error.verify.body' } as const
/** Load shedding: nothing is broken, the visitor only has to come back in a few seconds. */
const OVERLOADED = { title: 'error.unavailable.title', body: 'error.overloaded.body' } as const

export function ErrorPage({
  detail,
  ctx,
  status,
  reference,
  host,
}: {
  ctx: ViewContext
  status: number
  reference: string
  host: string
  /** the reason code of an HttpError, when a page has more to say about it */
  detail?: string | undefined
}) {
  const page =
    status === 403 && detail === 'verification-required'
      ? VERIFICATION_REQUIRED
      : status === 503 && detail === 'overloaded'
        ? OVERLOADED
        : (PAGES[status] ?? PAGES[status >= 500 ? 500 : 400]!)
  const unknownTerritory = status === 404 && ctx.territory === null
  const title = ctx.t(unknownTerritory ? 'error.unknownTerritory.title' : page.title)
  const body =
    detail === 'control-characters' ? ctx.t('input.controlCharacters') : ctx.t(page.body, { reference })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{unknownTerritory ? ctx.t('error.unknownTerritory.body', { host }) : body}</p>
      {!unknownTerritory && (
        <p>
          <a href="/">{ctx.t('error.backHome')}</a>
        </p>
      )}
    </Layout>
  )
}
