import { createHash } from 'node:crypto'
import type { Territory } from '../tenancy/territory.ts'

/** The icons a phone asks for to install the app: 192 px for the home screen, 512 px for the splash. */
export const APP_ICONS = {
  'app-192.png': { size: 192, purpose: 'any' },
  'app-512.png': { size: 512, purpose: 'any' },
  'app-maskable-512.png': { size: 512, purpose: 'maskable' },
} as const

/**
 * Safari puts this one on a home screen, from a link in the head (it reads no manifest icon). It
 * fills its square and turns transparency black, so it is drawn on the colour like a maskable one.
 */
export const TOUCH_ICON = 'apple-touch-icon.png'
export const ICON_FILES = {
  ...APP_ICONS,
  [TOUCH_ICON]: { size: 180, purpose: 'touch' },
} as const
export type AppIconFile = keyof typeof ICON_FILES

/**
 * What an icon's address carries, so that a browser or an installed app never keeps an old one: the
 * colour, and with an uploaded logo a hash of its address (itself versioned by the logo's hash).
 */
export function iconVersion(territory: Pick<Territory, 'primaryColor' | 'logoUrl'>): string {
  const colour = territory.primaryColor.slice(1)
  if (!territory.logoUrl) return colour
  return `${colour}-${createHash('sha256').update(territory.logoUrl).digest('base64url').slice(0, 12)}`
}

export const iconUrl = (territory: Pick<Territory, 'primaryColor' | 'logoUrl'>, file: AppIconFile) =>
  `/icones/${file}?v=${iconVersion(territory)}`

/** Beyond this a home screen cuts the name short (« Entraide Cal… »). */
const SHORT_NAME_MAX = 15

/**
 * A home screen's label: the platform's name without what it says in brackets (« (démo) »),
 * or « Entraide » when even that is too long to read under an icon.
 */
export function shortName(platformName: string): string {
  const bare = platformName.replace(/\s*\([^)]*\)\s*/g, ' ').trim()
  return bare.length > 0 && bare.length <= SHORT_NAME_MAX ? bare : 'Entraide'
}

/**
 * The web app manifest of a territory: its name and colour, opening on the home page as an app of
 * its own. The icons' addresses carry the colour and the logo, so a new one is a new address and
 * no browser keeps the old icon.
 */
export function webManifest(territory: Territory) {
  const colour = territory.primaryColor
  // the app's name as a label under its icon, never inside a sentence: no grammatical form needed
  const { platformName } = territory
  return {
    id: '/',
    name: platformName,
    short_name: shortName(platformName),
    description: territory.presentation.fr,
    lang: 'fr',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: colour,
    background_color: '#ffffff',
    icons: Object.entries(APP_ICONS).map(([file, icon]) => ({
      src: iconUrl(territory, file as keyof typeof APP_ICONS),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
  }
}
