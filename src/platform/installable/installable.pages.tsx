import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../http/problem.ts'
import { isLocale, translator } from '../i18n/i18n.ts'
import type { AppServices } from '../services.ts'
import type { Territory } from '../tenancy/territory.ts'
import { assetUrl, builtAssetFile } from '../views/assets.ts'
import { sendPage } from '../views/render.ts'
import { appIcon } from './icons.ts'
import { type AppIconFile, ICON_FILES, webManifest } from './manifest.ts'
import { OfflinePage } from './OfflinePage.tsx'

const page = { permission: 'public' as const, scope: null }
/** The worker's own address: a browser keeps a worker by its URL, and its scope is the folder it sits in. */
export const SERVICE_WORKER_URL = '/sw.js'
export const OFFLINE_PATH = '/hors-ligne'
/** An icon's address changes with the territory's colour and logo, so it may be kept a day. */
const ICON_CACHE = 'public, max-age=86400'

const territoryOf = (req: FastifyRequest): Territory => req.territory!

/**
 * What the worker stores when it installs, so that the offline page shows as itself, styled and in
 * the territory's colour, without a network.
 */
function precacheList(territory: Territory): string[] {
  return [
    OFFLINE_PATH,
    assetUrl('css/app.css'),
    `/theme.css?v=${territory.primaryColor.slice(1)}`,
    assetUrl('js/install.js'),
    '/static/favicon.svg',
    '/manifest.webmanifest',
  ]
}

const builtWorkers = new Map<string, Promise<string>>()

/**
 * The built worker under its fixed address, preceded by what it precaches for this territory. The
 * list's hash names the worker's cache: a new style sheet or colour is a new worker, which the
 * browser installs in place of the old one and whose cache replaces the old.
 */
async function serviceWorkerSource(territory: Territory): Promise<string | null> {
  const built = builtAssetFile('js/sw.js')
  if (!built) return null
  let code = builtWorkers.get(built.path)
  if (!code) {
    // its source map comment is already absolute (the build's public path), so it holds here too
    code = readFile(built.path, 'utf8')
    code.catch(() => builtWorkers.delete(built.path))
    builtWorkers.set(built.path, code)
  }
  const precache = precacheList(territory)
  const text = await code
  const version = createHash('sha256')
    .update(text)
    .update(JSON.stringify(precache))
    .digest('base64url')
    .slice(0, 12)
  // a push notification shows the manifest's home-screen icon, in the territory's colour
  const icon = `/icones/app-192.png?v=${territory.primaryColor.slice(1)}`
  return `self.ENTRAIDE=${JSON.stringify({ version, offline: OFFLINE_PATH, precache, icon })};\n${text}`
}

export interface InstallableOptions {
  /**
   * The territory's uploaded logo as the platform stored it (re-encoded), null without one. The
   * domain that keeps logos hands it in when the app is assembled: the platform imports no domain.
   */
  territoryLogo: (territoryId: string) => Promise<Buffer | null>
}

/**
 * What makes the platform an installable app: its manifest and icons in the territory's name,
 * colour and logo, the service worker, and the page that worker shows when the network is gone.
 */
export async function installablePages(base: FastifyInstance, options: AppServices & InstallableOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/manifest.webmanifest', { config: page }, async (req, reply) =>
    reply
      .type('application/manifest+json; charset=utf-8')
      .send(JSON.stringify(webManifest(territoryOf(req)))),
  )

  app.get(
    '/icones/:file',
    {
      schema: {
        params: Type.Object({
          file: Type.Union(Object.keys(ICON_FILES).map((file) => Type.Literal(file))),
        }),
      },
      config: page,
    },
    async (req, reply) => {
      const territory = territoryOf(req)
      const logo = territory.logoUrl
        ? { version: territory.logoUrl, read: () => options.territoryLogo(territory.id) }
        : null
      const icon = await appIcon(territory.primaryColor, req.params.file as AppIconFile, logo)
      return reply
        .type('image/png')
        .header('Cache-Control', ICON_CACHE)
        .header('ETag', icon.etag)
        .send(icon.png)
    },
  )

  app.get(SERVICE_WORKER_URL, { config: page }, async (req, reply) => {
    const source = await serviceWorkerSource(territoryOf(req))
    if (source === null) throw new HttpError(404)
    // checked at every page load, so a new worker takes over at the next visit
    return reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'public, no-cache')
      .send(source)
  })

  app.get(
    OFFLINE_PATH,
    {
      schema: { querystring: Type.Object({ langue: Type.Optional(Type.String({ maxLength: 5 })) }) },
      config: page,
    },
    async (req, reply) => {
      // The worker fetches this page without cookies, so it names the language of the pages it saw.
      if (isLocale(req.query.langue)) {
        req.locale = req.query.langue
        req.t = translator(req.locale)
      }
      return sendPage(reply, OfflinePage({ ctx: req.viewContext(), territory: territoryOf(req) }))
    },
  )
}
