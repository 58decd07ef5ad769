import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { localPathOr } from '../../platform/http/local-path.ts'
import { isReadingMode, LANG_COOKIE, READING_COOKIE } from '../../platform/http/request-context.ts'
import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts'
import { isLocale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { sendPage } from '../../platform/views/render.ts'
import { cachedHelpPoints } from './help-point.repository.ts'
import { helpPointGroups } from './help-point-groups.ts'
import { cachedHomeHighlight } from './highlight.repository.ts'
import type { HomeSection } from './home-sections.ts'
import { themeCss } from './theme.ts'
import { ContactPage } from './views/ContactPage.tsx'
import { NeedHelpPage, WantToHelpPage } from './views/DoorPages.tsx'
import { HomePage } from './views/HomePage.tsx'
import { InfoPage } from './views/InfoPage.tsx'
import { AccessibilityPage, LegalNoticePage, PrivacyPage } from './views/LegalPages.tsx'

const page = { permission: 'public' as const, scope: null }

/** Every page here needs the platform of the request's host; requests for an unknown host got a 404 first. */
function territoryOf(req: FastifyRequest): Territory {
  return req.territory!
}

const INFO_PAGES: {
  path: string
  title: MessageKey
  text: (t: Translate, territory: Territory, locale: 'fr' | 'en') => string
}[] = [
  {
    path: '/charte',
    title: 'charter.title',
    text: (t, tr, locale) => localised(tr.charter, locale) || t('charter.default'),
  },
]

/** The legal pages: templates filled from the territory's settings. */
const LEGAL_PAGES = [
  ['/mentions-legales', LegalNoticePage],
  ['/donnees-personnelles', PrivacyPage],
  ['/accessibilite', AccessibilityPage],
] as const

export async function territoryPages(
  base: FastifyInstance,
  services: AppServices & { homeSections?: ReturnType<HomeSection>[] },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const homeSections = services.homeSections ?? []

  const helpPoints = (req: FastifyRequest) =>
    cachedHelpPoints(services.database.db, territoryOf(req).id, services.clock.now())

  app.get('/', { config: page }, async (req, reply) => {
    const [highlight, points] = await Promise.all([
      cachedHomeHighlight(services.database.db, territoryOf(req).id, services.clock.now()),
      helpPoints(req),
    ])
    return sendPage(
      reply,
      HomePage({
        ctx: req.viewContext(),
        territory: territoryOf(req),
        highlight,
        helpPoints: points.length,
        sections: await Promise.all(
          homeSections.map((section) => section({ territory: territoryOf(req), locale: req.locale })),
        ),
      }),
    )
  })
  app.get('/besoin-d-aide', { config: page }, async (req, reply) => {
    const groups = await helpPointGroups(services, await helpPoints(req))
    return sendPage(reply, NeedHelpPage({ ctx: req.viewContext(), territory: territoryOf(req), groups }))
  })
  app.get('/contact', { config: page }, async (req, reply) => {
    const points = await helpPoints(req)
    return sendPage(
      reply,
      ContactPage({ ctx: req.viewContext(), territory: territoryOf(req), helpPoints: points.length }),
    )
  })
  app.get('/je-veux-aider', { config: page }, async (req, reply) =>
    sendPage(reply, WantToHelpPage({ ctx: req.viewContext(), territory: territoryOf(req) })),
  )
  for (const [path, Page] of LEGAL_PAGES) {
    app.get(path, { config: page }, async (req, reply) =>
      sendPage(reply, Page({ ctx: req.viewContext(), territory: territoryOf(req) })),
    )
  }
  for (const info of INFO_PAGES) {
    app.get(info.path, { config: page }, async (req, reply) =>
      sendPage(
        reply,
        InfoPage({
          ctx: req.viewContext(),
          title: req.t(info.title),
          text: info.text(req.t, territoryOf(req), req.locale),
        }),
      ),
    )
  }

  // A link, not a form: choosing a language only sets a preference cookie and changes no data.
  app.get(
    '/langue/:locale',
    {
      schema: {
        params: Type.Object({ locale: Type.String({ maxLength: 5 }) }),
        querystring: Type.Object({ retour: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
      config: { permission: 'public', scope: null, territory: false },
    },
    async (req, reply) => {
      if (isLocale(req.params.locale)) {
        reply.setCookie(LANG_COOKIE, req.params.locale, {
          path: '/',
          sameSite: 'lax',
          maxAge: 365 * 86400,
          httpOnly: true,
        })
      }
      return reply.redirect(localPathOr(req.query.retour), 303)
    },
  )

  // The header's « Lecture facile » / « Lecture habituelle »: a link like the language's, so it works
  // without JavaScript and a public page stays the same address to share. The choice holds on this
  // device only and wins there over the profile's (request-context.ts).
  app.get(
    '/lecture/:mode',
    {
      schema: {
        params: Type.Object({ mode: Type.String({ maxLength: 20 }) }),
        querystring: Type.Object({ retour: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
      config: { permission: 'public', scope: null, territory: false },
    },
    async (req, reply) => {
      if (isReadingMode(req.params.mode)) {
        reply.setCookie(READING_COOKIE, req.params.mode, {
          path: '/',
          sameSite: 'lax',
          maxAge: 365 * 86400,
          httpOnly: true,
        })
      }
      return reply.redirect(localPathOr(req.query.retour), 303)
    },
  )

  app.get('/theme.css', { config: page }, async (req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .send(themeCss(territoryOf(req))),
  )
}
