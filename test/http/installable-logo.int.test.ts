import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import sharp from 'sharp'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from '../helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { page } from '../helpers/html.ts'
import { uploadTerritoryLogo } from '../helpers/logos.ts'

interface Icon {
  src: string
  sizes: string
  purpose: string
}

const RED = [214, 40, 40]
const GREEN = [42, 157, 143]
/** The logo is stored as lossy WebP, then scaled: its colours come back close, not exact. */
const near = (pixel: number[], colour: number[]) => pixel.every((v, i) => Math.abs(v - colour[i]!) <= 16)
const rgbOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

/** A wide logo, red on its left half and green on its right, so its pixels are told apart. */
async function twoColourLogo(): Promise<Buffer> {
  const half = (colour: number[]) => ({
    create: {
      width: 200,
      height: 200,
      channels: 3 as const,
      background: { r: colour[0]!, g: colour[1]!, b: colour[2]! },
    },
  })
  return sharp(half(RED))
    .extend({ right: 200, background: { r: GREEN[0]!, g: GREEN[1]!, b: GREEN[2]! } })
    .png()
    .toBuffer()
}

/**
 * An administrator uploads a logo: the app's icons are drawn from it on the territory's colour,
 * under new addresses, so installed apps take the new ones; without a logo, the generated icons.
 */
describe('installable app: icons drawn from the territory’s logo', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let admin: Client

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    const claire = await makeAccount(t, calvados, { roles: ['administrator'] })
    admin = await new Client(t, calvados.hostnames[0]!).signInDirectly(claire, {
      staff: true,
      secondFactor: true,
    })
  })
  after(() => t.close())

  const visitor = (territory: Territory) => new Client(t, territory.hostnames[0]!)
  const icons = async (territory: Territory) =>
    ((await visitor(territory).get('/manifest.webmanifest')).json() as { icons: Icon[] }).icons
  const touchIcon = async (territory: Territory) =>
    page((await visitor(territory).get('/')).body)
      .document.querySelector('head link[rel=apple-touch-icon]')
      ?.getAttribute('href')

  /** The icon's pixels as sharp reads them back, and its size and format. */
  async function served(territory: Territory, src: string) {
    const res = await visitor(territory).get(src)
    assert.equal(res.statusCode, 200, src)
    assert.equal(res.headers['content-type'], 'image/png')
    assert.equal(res.headers['cache-control'], 'public, max-age=86400')
    assert.match(String(res.headers.etag), /^"[\w-]+"$/)
    const image = sharp(res.rawPayload)
    const { format, width, height } = await image.metadata()
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number) => {
      const i = (Math.round(y * height!) * width! + Math.round(x * width!)) * info.channels
      return [data[i]!, data[i + 1]!, data[i + 2]!]
    }
    return { format, size: `${width}x${height}`, at }
  }

  it('draws the generated icons, under the colour’s addresses, while there is no logo', async () => {
    assert.deepEqual(
      (await icons(calvados)).map((i) => i.src),
      [
        '/icones/app-192.png?v=1f4e8c',
        '/icones/app-512.png?v=1f4e8c',
        '/icones/app-maskable-512.png?v=1f4e8c',
      ],
    )
    assert.equal(await touchIcon(calvados), '/icones/apple-touch-icon.png?v=1f4e8c')
    const touch = await served(calvados, '/icones/apple-touch-icon.png?v=1f4e8c')
    assert.equal(touch.size, '180x180')
    // the generated drawing: the colour in a corner, the face's white in the middle of its smile
    assert.ok(near(touch.at(0.02, 0.02), rgbOf(calvados.primaryColor)))
  })

  it('draws every icon from an uploaded logo, at its size, on the territory’s colour, under new addresses', async () => {
    const before = await icons(calvados)
    assert.equal((await uploadTerritoryLogo(admin, { bytes: await twoColourLogo() })).statusCode, 303)
    const after = await icons(calvados)
    assert.deepEqual(
      after.map((i) => [i.sizes, i.purpose]),
      before.map((i) => [i.sizes, i.purpose]),
    )
    for (const [i, icon] of after.entries()) {
      assert.notEqual(icon.src, before[i]!.src, 'a new address, so installed apps fetch it')
      assert.match(icon.src, /^\/icones\/[\w-]+\.png\?v=1f4e8c-[\w-]+$/)
    }
    const touch = (await touchIcon(calvados))!
    assert.notEqual(touch, '/icones/apple-touch-icon.png?v=1f4e8c')

    const colour = rgbOf(calvados.primaryColor)
    for (const icon of [...after, { src: touch, sizes: '180x180', purpose: 'touch' }]) {
      const drawn = await served(calvados, icon.src)
      assert.equal(drawn.format, 'png', icon.src)
      assert.equal(drawn.size, icon.sizes, icon.src)
      // the logo's two halves, left and right of the centre, and the colour around it
      assert.ok(near(drawn.at(0.3, 0.5), RED), `${icon.src}: ${drawn.at(0.3, 0.5)}`)
      assert.ok(near(drawn.at(0.7, 0.5), GREEN), `${icon.src}: ${drawn.at(0.7, 0.5)}`)
      assert.ok(near(drawn.at(0.5, 0.1), colour), `${icon.src}: ${drawn.at(0.5, 0.1)}`)
      assert.ok(near(drawn.at(0.02, 0.02), colour), `${icon.src}: ${drawn.at(0.02, 0.02)}`)
    }
    // maskable: the logo keeps inside the safe zone's circle (80 % of the side), so a round mask cuts none of it
    const maskable = await served(calvados, after.find((i) => i.purpose === 'maskable')!.src)
    assert.ok(near(maskable.at(0.12, 0.5), colour), `outside the circle: ${maskable.at(0.12, 0.5)}`)
    const plain = await served(calvados, after.find((i) => i.sizes === '512x512' && i.purpose === 'any')!.src)
    assert.ok(near(plain.at(0.12, 0.5), RED), `the plain icon uses 80 % of its width: ${plain.at(0.12, 0.5)}`)

    // another territory keeps its generated icons
    assert.deepEqual(
      (await icons(manche)).map((i) => i.src.split('?v=')[1]),
      ['1f4e8c', '1f4e8c', '1f4e8c'],
    )
  })

  it('goes back to the generated icons, under their addresses, once the logo is removed', async () => {
    assert.equal((await admin.post('/administration/territoire/logo/retirer', {})).statusCode, 303)
    const back = await icons(calvados)
    assert.deepEqual(
      back.map((i) => i.src.split('?v=')[1]),
      ['1f4e8c', '1f4e8c', '1f4e8c'],
    )
    const icon = await served(calvados, back[0]!.src)
    assert.ok(!near(icon.at(0.3, 0.5), RED), 'no trace of the logo')
  })
})
