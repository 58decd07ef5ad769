// The service worker, served at /sw.js with what it precaches written before it by the server
// (platform/installable). Pages come from the network first; without one, a person's own pages
// they already read come from a cache named after their account marker, any other page from the
// offline page. Hashed assets never change, so they come from the cache first.
//
// Whose pages it holds is decided by the marker each page's response carries: a page with another
// marker, or none (signed out), empties the other caches before anything is kept. POSTs, the
// administration and every page that is not the person's own are never kept.

interface Settings {
  version: string
  offline: string
  precache: string[]
  /** the manifest's home-screen icon, shown beside a push notification */
  icon?: string
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  request: Request
  respondWith(response: Response | Promise<Response>): void
}
interface MessageFromPage extends ExtendableEvent {
  data: { language?: unknown }
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification & { data: unknown }
}
interface WindowClient {
  url: string
  focus(): Promise<WindowClient>
  navigate(url: string): Promise<WindowClient | null>
}
interface WorkerScope {
  ENTRAIDE: Settings
  location: Location
  registration: { showNotification(title: string, options: NotificationOptions): Promise<void> }
  skipWaiting(): Promise<void>
  clients: {
    claim(): Promise<void>
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>
    openWindow(url: string): Promise<WindowClient | null>
  }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: MessageFromPage) => void): void
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void
}

const scope = self as unknown as WorkerScope
const settings = scope.ENTRAIDE
const offline = settings.offline
const precache = settings.precache
const STATIC = `entraide-static-${settings.version}`
const PAGES = 'entraide-pages-'
const MARKER_HEADER = 'entraide-account'
/** The person's own pages: their listings, their matches and a match's page. */
const OWN_PAGE = /^\/(mes-annonces|mises-en-relation(\/[\w-]+)?)$/
/** A listing's page is the person's own when it offers them its author's actions. */
const LISTING_PAGE = /^\/annonces\/([\w-]+)$/

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC)
      // without cookies: the offline page is a visitor's, the same whoever is signed in
      await cache.addAll(precache.map((url) => new Request(url, { credentials: 'omit' })))
      await scope.skipWaiting()
    })(),
  )
})

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('entraide-static-') && name !== STATIC) await caches.delete(name)
      await scope.clients.claim()
    })(),
  )
})

// a page that registers the worker says its language, before any navigation went through it
scope.addEventListener('message', (event) => {
  const language = event.data?.language
  if (typeof language === 'string') event.waitUntil(offlinePageIn(language).catch(() => {}))
})

scope.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== scope.location.origin) return
  if (request.mode === 'navigate') event.respondWith(navigate(event, url))
  else if (url.pathname.startsWith('/static/assets/')) event.respondWith(asset(request))
  else if (precache.includes(url.pathname + url.search))
    event.respondWith(fetch(request).catch(() => fromCache(request, STATIC)))
})

async function navigate(event: FetchEvent, url: URL): Promise<Response> {
  try {
    const response = await fetch(event.request)
    event.waitUntil(keep(url, response.clone()))
    event.waitUntil(offlinePageIn(response.headers.get('content-language')).catch(() => {}))
    return response
  } catch {
    const own = await ownPage(url)
    return own ?? (await fromCache(offline, STATIC))
  }
}

async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: STATIC })
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) {
    const copy = response.clone()
    caches.open(STATIC).then((cache) => cache.put(request, copy))
  }
  return response
}

async function fromCache(request: Request | string, cacheName: string): Promise<Response> {
  return (await caches.match(request, { cacheName, ignoreVary: true })) ?? Response.error()
}

async function ownPage(url: URL): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PAGES)) continue
    const cached = await caches.match(url.pathname + url.search, { cacheName: name, ignoreVary: true })
    if (cached) return cached
  }
  return undefined
}

async function keep(url: URL, response: Response): Promise<void> {
  // a redirect's headers cannot be read, and an error page says nothing of who is signed in
  if (response.type !== 'basic' || !response.ok) return
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return
  const marker = response.headers.get(MARKER_HEADER) ?? ''
  const mine = PAGES + marker
  for (const name of await caches.keys())
    if (name.startsWith(PAGES) && name !== mine) await caches.delete(name)
  if (!marker) return
  const listing = LISTING_PAGE.exec(url.pathname)
  if (!OWN_PAGE.test(url.pathname) && !listing) return
  if (listing && !(await response.clone().text()).includes(`/mes-annonces/${listing[1]}/`)) return
  await (await caches.open(mine)).put(url.pathname + url.search, response)
}

/** Keeps the offline page in the language of the pages the person reads. */
async function offlinePageIn(language: string | null): Promise<void> {
  if (!language) return
  const cache = await caches.open(STATIC)
  const kept = await cache.match(offline)
  if (kept?.headers.get('content-language') === language) return
  const fresh = await fetch(`${offline}?langue=${encodeURIComponent(language)}`, { credentials: 'omit' })
  if (fresh.ok) await cache.put(offline, fresh)
}

// A push from the platform: its name as the title, the sentence, and the page it leads to. The
// payload is checked, so a malformed one shows nothing rather than an empty notification.
scope.addEventListener('push', (event) => {
  let message: { title?: unknown; body?: unknown; url?: unknown; tag?: unknown } = {}
  try {
    message = (event.data?.json() ?? {}) as typeof message
  } catch {}
  if (typeof message.title !== 'string' || typeof message.body !== 'string') return
  const options: NotificationOptions = { body: message.body, data: { url: samePath(message.url) } }
  if (settings.icon) options.icon = settings.icon
  if (typeof message.tag === 'string') options.tag = message.tag
  event.waitUntil(scope.registration.showNotification(message.title, options))
})

// Touching it brings an open tab of the platform forward on that page, or opens one.
scope.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = new URL(
    samePath((event.notification.data as { url?: unknown } | null)?.url),
    scope.location.origin,
  )
  event.waitUntil(
    (async () => {
      const tabs = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })
      const tab = tabs.find((c) => new URL(c.url).origin === url.origin)
      if (tab) {
        await tab.focus()
        await tab.navigate(url.href).catch(() => null)
      } else await scope.clients.openWindow(url.href)
    })(),
  )
})

/** Only a path of this platform: anything else (another site, `//host`) opens the notifications list. */
function samePath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/notifications'
  return new URL(value, scope.location.origin).origin === scope.location.origin ? value : '/notifications'
}
