import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { loadSharp } from '../images/sharp.ts'
import { logoIconPng } from './logo-icon.ts'
import { type AppIconFile, ICON_FILES } from './manifest.ts'

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
 * The drawing a territory without a logo has for icon: the favicon in its colour. A maskable or
 * touch icon fills its square with the colour and keeps the drawing in the middle.
 */
export function iconSvg(colour: string, file: AppIconFile): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new Error(`not a colour: ${colour}`)
  const svg = readFavicon().replaceAll(FAVICON_COLOUR, colour)
  if (ICON_FILES[file].purpose === 'any') return svg
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(svg)
  if (!viewBox || !inner) throw new Error('the favicon is not the SVG expected')
  const side = Number(viewBox[1])
  const offset = (side * (1 - SAFE_ZONE)) / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"><rect width="${side}" height="${side}" fill="${colour}"/><g transform="translate(${offset} ${offset}) scale(${SAFE_ZONE})">${inner[1]}</g></svg>`
}

/** The territory's uploaded logo: `version` names it (its versioned address), `read` gives its bytes. */
export interface IconLogo {
  version: string
  read: () => Promise<Buffer | null>
}

/** Each colour's and logo's icons are drawn once per process; a process serves a handful of territories. */
const MAX_KEPT = 64
const kept = new Map<string, Promise<RenderedIcon>>()

/** The generated icon, drawn with sharp from the SVG at its exact size. */
async function drawnIcon(colour: string, file: AppIconFile): Promise<Buffer> {
  const { size } = ICON_FILES[file]
  const sharp = await loadSharp()
  return sharp(Buffer.from(iconSvg(colour, file)), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer()
}

/**
 * The PNG of one of a territory's app icons at its exact size: drawn from its logo when it has one,
 * else the generated one. The logo's bytes are read only when its icons are not drawn yet.
 */
export function appIcon(
  colour: string,
  file: AppIconFile,
  logo: IconLogo | null = null,
): Promise<RenderedIcon> {
  const key = `${colour.toLowerCase()} ${file} ${logo?.version ?? ''}`
  let icon = kept.get(key)
  if (!icon) {
    icon = (logo ? logo.read() : Promise.resolve(null))
      .then((bytes) => (bytes ? logoIconPng(bytes, colour, file) : drawnIcon(colour, file)))
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
