import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { loadSharp } from '../images/sharp.ts'
import { APP_ICONS, type AppIconFile } from './manifest.ts'

/** The favicon the colour is painted into; from dist/ as from src/, public/ is three folders up. */
const FAVICON = new URL('../../../public/favicon.svg', import.meta.url)
/** The favicon's own colour, replaced by the territory's. */
const FAVICON_COLOUR = '#1f4e8c'
/** A maskable icon is cut to a circle or a rounded square: its drawing stays in the middle 80 %. */
const SAFE_ZONE = 0.8

export interface RenderedIcon {
  png: Buffer
  etag: string
}

let favicon: string | undefined
const readFavicon = () => {
  favicon ??= readFileSync(FAVICON, 'utf8')
  return favicon
}

/**
 * The drawing an icon is made from, in the territory's colour. The favicon for now; a territory's
 * own logo (once one is uploaded) would come in here, so the manifest and the icon routes stay as
 * they are.
 */
export function iconSvg(colour: string, file: AppIconFile): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new Error(`not a colour: ${colour}`)
  const svg = readFavicon().replaceAll(FAVICON_COLOUR, colour)
  if (APP_ICONS[file].purpose !== 'maskable') return svg
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(svg)
  if (!viewBox || !inner) throw new Error('the favicon is not the SVG expected')
  const side = Number(viewBox[1])
  const offset = (side * (1 - SAFE_ZONE)) / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"><rect width="${side}" height="${side}" fill="${colour}"/><g transform="translate(${offset} ${offset}) scale(${SAFE_ZONE})">${inner[1]}</g></svg>`
}

/** Each colour's icons are drawn once per process; a process serves a handful of territories. */
const MAX_KEPT = 64
const kept = new Map<string, Promise<RenderedIcon>>()

/** The PNG of one of a territory's app icons, drawn with sharp from the SVG at its exact size. */
export function appIcon(colour: string, file: AppIconFile): Promise<RenderedIcon> {
  const key = `${colour.toLowerCase()} ${file}`
  let icon = kept.get(key)
  if (!icon) {
    const { size } = APP_ICONS[file]
    icon = loadSharp()
      .then((sharp) =>
        sharp(Buffer.from(iconSvg(colour, file)), { density: (72 * size) / 32 })
          .resize(size, size)
          .png({ compressionLevel: 9 })
          .toBuffer(),
      )
      .then((png) => ({
        png,
        etag: `"${createHash('sha256').update(png).digest('base64url').slice(0, 22)}"`,
      }))
    icon.catch(() => kept.delete(key))
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string)
    kept.set(key, icon)
  }
  return icon
}
