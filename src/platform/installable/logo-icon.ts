import { loadSharp } from '../images/sharp.ts'
import { type AppIconFile, ICON_FILES } from './manifest.ts'

/** Share of the side a logo fills at most: a margin keeps it off the corners launchers round. */
const LOGO_BOX = 0.8
/** A maskable icon may be cut to a circle of 80 % of its side (the manifest's safe zone). */
const SAFE_DIAMETER = 0.8

/**
 * The size a logo of `width` × `height` is drawn at on an icon of `size`, its proportions kept: in
 * a centred square of 80 % of the side, or, for a maskable icon, inside the circle of its safe
 * zone, so a wide logo is cut by no launcher's mask.
 */
export function logoBox(
  width: number,
  height: number,
  size: number,
  purpose: string,
): { width: number; height: number } {
  const ratio = width / height
  const fit = (w: number, h: number) => ({
    width: Math.max(1, Math.floor(w)),
    height: Math.max(1, Math.floor(h)),
  })
  if (purpose === 'maskable') {
    // a rectangle in a circle: its diagonal is the diameter
    const h = (size * SAFE_DIAMETER) / Math.sqrt(1 + ratio * ratio)
    return fit(h * ratio, h)
  }
  const side = size * LOGO_BOX
  return ratio >= 1 ? fit(side, side / ratio) : fit(side * ratio, side)
}

/**
 * An app icon drawn from the territory's uploaded logo: the logo, as the platform re-encoded it,
 * centred on a square of the territory's colour (an opaque one: home screens show transparency as
 * black or white at will).
 */
export async function logoIconPng(logo: Buffer, colour: string, file: AppIconFile): Promise<Buffer> {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new Error(`not a colour: ${colour}`)
  const { size, purpose } = ICON_FILES[file]
  const sharp = await loadSharp()
  const { width, height } = await sharp(logo).metadata()
  if (!width || !height) throw new Error('the stored logo has no size')
  const box = logoBox(width, height, size, purpose)
  const drawn = await sharp(logo).resize(box.width, box.height, { fit: 'fill' }).png().toBuffer()
  return sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    .composite([{ input: drawn, gravity: 'centre' }])
    .png({ compressionLevel: 9 })
    .toBuffer()
}
