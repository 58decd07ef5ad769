import type { ComponentChildren } from 'preact'
import { InstallableHead } from '../installable/InstallableHead.tsx'
import { formatPhone, phoneHref } from '../phone-numbers.ts'
import { accessibilityStatus } from '../tenancy/accessibility-status.ts'
import { localised, type Territory } from '../tenancy/territory.ts'
import { assetUrl } from './assets.ts'
import type { ViewContext } from './context.ts'
import { UnverifiedBanner } from './UnverifiedBanner.tsx'

/** The footer names the accessibility status, as the RGAA requires, from the territory's audit. */
const ACCESSIBILITY = {
  none: 'shell.accessibility.none',
  partial: 'shell.accessibility.partial',
  full: 'shell.accessibility.full',
} as const

interface LayoutProps {
  ctx: ViewContext
  title: string
  children: ComponentChildren
  /** extra progressive-enhancement scripts, by their name in src/client (`commune-field.js`) */
  scripts?: string[]
  /** extra stylesheets a page needs, by their built name (`leaflet.css`) */
  styles?: string[]
}

export function Layout({ ctx, title, children, scripts = [], styles = [] }: LayoutProps) {
  const { t, territory, locale } = ctx
  const siteName = territory?.platformName ?? 'Entraide'
  const other = locale === 'fr' ? 'en' : 'fr'
  // A very long address (a pasted text in a search) is not worth coming back to.
  const back = ctx.currentUrl.length > 500 ? '/' : ctx.currentUrl
  const switchHref = `/langue/${other}?retour=${encodeURIComponent(back)}`
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${siteName}`}</title>
        <link rel="stylesheet" href={assetUrl('css/app.css')} />
        {styles.map((href) => (
          <link rel="stylesheet" href={assetUrl(`css/${href}`)} key={href} />
        ))}
        {territory && <link rel="stylesheet" href={`/theme.css?v=${territory.primaryColor.slice(1)}`} />}
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {territory && <InstallableHead territory={territory} />}
        {scripts.map((src) => (
          <script type="module" src={assetUrl(`js/${src}`)} key={src} />
        ))}
      </head>
      <body class={ctx.easyRead ? 'easy-read' : undefined}>
        <a class="skip-link" href="#contenu">
          {t('shell.skipLink')}
        </a>
        <header class="site-header">
          <div class="wrap header-bar">
            <a class="brand" href="/">
              {territory?.logoUrl && (
                <img src={territory.logoUrl} alt={territory.officialName} class="brand-logo" />
              )}
              <span>{siteName}</span>
            </a>
            {territory?.institutionUrl && (
              <a class="institution-link" href={territory.institutionUrl}>
                {t('shell.institution')}
              </a>
            )}
            <a
              class="lang-switch"
              href={switchHref}
              hreflang={other}
              lang={other}
              aria-label={t('shell.switchToLabel')}
            >
              {t('shell.switchTo')}
            </a>
          </div>
          {/* On a phone the links wait behind « Menu », a disclosure that needs no script; wider
              screens show them open and hide the toggle (app.css). */}
          {territory && (
            <details class="nav-menu">
              <summary class="nav-toggle">{t('shell.menu')}</summary>
              <nav class="wrap main-nav" aria-label={t('shell.mainNav')}>
                <ul>
                  <li>
                    <a href="/">{t('shell.home')}</a>
                  </li>
                  <li>
                    <a href="/annonces">{t('shell.listings')}</a>
                  </li>
                  <li>
                    <a href="/besoin-d-aide">{t('shell.needHelp')}</a>
                  </li>
                  <li>
                    <a href="/je-veux-aider">{t('shell.wantToHelp')}</a>
                  </li>
                  <li>
                    <ReadingSwitch ctx={ctx} back={back} />
                  </li>
                  {ctx.viewer ? (
                    <>
                      <li>
                        <a href="/mes-annonces">{t('shell.myListings')}</a>
                      </li>
                      <li>
                        <NotificationsLink ctx={ctx} />
                      </li>
                      <li>
                        <a href="/compte">{t('shell.myAccount')}</a>
                      </li>
                      {ctx.viewer.staff && (
                        <li>
                          <a href="/administration">{t('shell.administration')}</a>
                        </li>
                      )}
                      {ctx.viewer.openReviews != null && (
                        <li>
                          <ModerationLink ctx={ctx} count={ctx.viewer.openReviews} />
                        </li>
                      )}
                      <li>
                        <form method="post" action="/deconnexion" class="inline-form">
                          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                          <button type="submit" class="link-button">
                            {t('shell.logout')}
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <>
                      <li>
                        <a href="/connexion">{t('shell.login')}</a>
                      </li>
                      <li>
                        <a href="/inscription">{t('shell.signUp')}</a>
                      </li>
                    </>
                  )}
                </ul>
              </nav>
            </details>
          )}
        </header>
        {territory?.isDemo && <p class="banner banner-demo">{t('shell.demoBanner')}</p>}
        {territory?.crisisMode && <CrisisBanner ctx={ctx} territory={territory} />}
        {ctx.viewer && !ctx.viewer.verified && <UnverifiedBanner ctx={ctx} />}
        <main id="contenu" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('shell.freeHelp')}</p>
            {territory && (
              <nav aria-label={t('shell.footer')}>
                <ul class="footer-links">
                  <li>
                    <a href="/mentions-legales">{t('shell.legal')}</a>
                  </li>
                  <li>
                    <a href="/donnees-personnelles">{t('shell.privacy')}</a>
                  </li>
                  <li>
                    <a href="/accessibilite">
                      {t(ACCESSIBILITY[accessibilityStatus(territory.legalDetails)])}
                    </a>
                  </li>
                  <li>
                    <a href="/charte">{t('shell.charter')}</a>
                  </li>
                  <li>
                    <a href="/organisations">{t('shell.organisations')}</a>
                  </li>
                  <li>
                    <a href="/producteurs">{t('shell.producers')}</a>
                  </li>
                  <li>
                    <a href="/bilan">{t('shell.bilan')}</a>
                  </li>
                  <li>
                    <a href="/contact">{t('shell.contact')}</a>
                  </li>
                  {ctx.devTools && (
                    <li>
                      <a href="/dev/emails">{t('shell.devEmails')}</a>
                    </li>
                  )}
                </ul>
              </nav>
            )}
            {territory && (
              <p class="footer-owner">
                {territory.institutionUrl ? (
                  <a href={territory.institutionUrl}>{t('shell.institution')}</a>
                ) : (
                  territory.officialName
                )}
              </p>
            )}
          </div>
        </footer>
      </body>
    </html>
  )
}

/**
 * « Lecture facile » / « Lecture habituelle »: a plain link that sets this device's reading mode and
 * comes back here (territory.pages.tsx), so it works without JavaScript. It sits in the menu: the
 * phone's header stays one line high.
 */
function ReadingSwitch({ ctx, back }: { ctx: ViewContext; back: string }) {
  const mode = ctx.easyRead ? 'habituelle' : 'facile'
  return (
    <a class="reading-switch" href={`/lecture/${mode}?retour=${encodeURIComponent(back)}`}>
      {ctx.t(ctx.easyRead ? 'shell.reading.usual' : 'shell.reading.easy')}
    </a>
  )
}

/**
 * « Notifications (3) », heard as « Notifications, 3 non lues »: a plain link to the page, so it
 * works without JavaScript; the figure is counted once per page view (auth plugin).
 */
function NotificationsLink({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  const unread = ctx.viewer?.unreadNotifications ?? 0
  const count = unread > 99 ? '99+' : String(unread)
  return (
    <a href="/notifications">
      {t('notifications.title')}
      {unread > 0 && (
        <>
          <span aria-hidden="true"> ({count})</span>
          <span class="visually-hidden">
            ,{' '}
            {unread === 1
              ? t('notifications.header.unread.one', { count })
              : t('notifications.header.unread.many', { count })}
          </span>
        </>
      )}
    </a>
  )
}

/**
 * « Modération (4) » for the staff who decide the queue's items, heard as « Modération, 4 éléments
 * en attente »; the figure is counted once per page view (platform/review).
 */
function ModerationLink({ ctx, count }: { ctx: ViewContext; count: number }) {
  const { t } = ctx
  const shown = count > 99 ? '99+' : String(count)
  return (
    <a href="/administration/moderation">
      {t('shell.moderation')}
      {count > 0 && (
        <>
          <span aria-hidden="true"> ({shown})</span>
          <span class="visually-hidden">
            , {t(count === 1 ? 'shell.moderation.one' : 'shell.moderation.many', { count: shown })}
          </span>
        </>
      )}
    </a>
  )
}

/**
 * The crisis banner on every page: the crisis's own message and, when the territory has one, its
 * phone line with the hours, as a named region (a landmark a screen reader lists). Plain text that
 * wraps, so it reads at 360 px and at 200 %.
 */
function CrisisBanner({ ctx, territory }: { ctx: ViewContext; territory: Territory }) {
  const { t, locale } = ctx
  const message = territory.crisisMessage
    ? localised(territory.crisisMessage, locale)
    : t('shell.crisisBanner')
  return (
    <section class="banner banner-crisis" aria-label={t('shell.crisisBanner.label')}>
      <p class="wrap">{message}</p>
      {territory.helplinePhone && (
        <p class="wrap banner-crisis-phone">
          {t('shell.crisisBanner.phone')}{' '}
          <a href={phoneHref(territory.helplinePhone)}>{formatPhone(territory.helplinePhone)}</a>
          {territory.helplineHours && <> ({localised(territory.helplineHours, locale)})</>}
        </p>
      )}
    </section>
  )
}
