import type { ViewContext } from './context.ts'

/**
 * Shown on every page to a signed-in person whose address is not confirmed yet: they may read,
 * not post or respond, and one click sends the link again.
 */
export function UnverifiedBanner({ ctx }: { ctx: ViewContext }) {
  return (
    <section class="notice wrap" aria-labelledby="unverified-title">
      <h2 id="unverified-title">{ctx.t('verify.banner.title')}</h2>
      <p>{ctx.t('verify.banner.text')}</p>
      <form method="post" action="/verification/renvoyer">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <button type="submit">{ctx.t('verify.banner.resend')}</button>
      </form>
    </section>
  )
}
