import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { uploadTerritoryLogo } from '../../../test/helpers/logos.ts'
import { IMAGE_MAX_BYTES } from '../../platform/images/image.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { territoryLogos } from './territory-logo.schema.ts'

const upload = uploadTerritoryLogo

describe('territory logo: uploaded by an administrator, re-encoded, shown in every header', () => {
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

  const stored = async (territory: Territory) =>
    (await t.db.db.select().from(territoryLogos).where(eq(territoryLogos.territoryId, territory.id)))[0] ??
    null
  const refusal = (res: { body: string }) => page(res.body).text('.error-summary')

  it('refuses an SVG, a polyglot, a damaged file and an oversized one, in French, storing nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const cases: [Buffer, RegExp][] = [
      [svg, /image/i],
      [Buffer.concat([Buffer.from('GIF89a'), svg]), /image/i],
      [
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40)]),
        /image/i,
      ],
      [Buffer.alloc(IMAGE_MAX_BYTES + 10, 1), /2 Mo/],
    ]
    for (const [bytes, message] of cases) {
      const res = await upload(admin, { bytes, type: 'image/svg+xml', filename: 'logo.svg' })
      assert.equal(res.statusCode, 400)
      assert.match(refusal(res), message)
    }
    assert.equal(await stored(calvados), null)
  })

  it('re-encodes a valid image to WebP, serves it with an ETag and shows it with the territory’s name', async () => {
    const png = await sharp({ create: { width: 1600, height: 400, channels: 3, background: '#1f4e8c' } })
      .png()
      .withMetadata()
      .toBuffer()
    const res = await upload(admin, { bytes: png })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/administration/territoire?fait=logo-enregistre')
    const row = (await stored(calvados))!
    assert.equal(row.mediaType, 'image/webp')
    assert.ok(row.width <= 512)

    const home = page((await t.app.inject({ url: '/', headers: { host: calvados.hostnames[0]! } })).body)
    const img = home.document.querySelector('header img')!
    assert.equal(img.getAttribute('alt'), 'Département du Calvados')
    const src = img.getAttribute('src')!
    const served = await t.app.inject({ url: src, headers: { host: calvados.hostnames[0]! } })
    assert.equal(served.statusCode, 200)
    assert.equal(served.headers['content-type'], 'image/webp')
    assert.equal((await sharp(served.rawPayload).metadata()).format, 'webp')
    const etag = served.headers.etag as string
    assert.equal(etag, `"${row.etag}"`)
    const again = await t.app.inject({
      url: src,
      headers: { host: calvados.hostnames[0]!, 'if-none-match': etag },
    })
    assert.equal(again.statusCode, 304)
    // Another territory has no logo of its own, and never shows this one.
    const other = await t.app.inject({ url: '/logo-du-territoire', headers: { host: manche.hostnames[0]! } })
    assert.equal(other.statusCode, 404)
  })

  it('refuses residents and another territory’s administrator; the logo stays', async () => {
    const before = await stored(calvados)
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    const resident = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, calvados),
    )
    assert.equal((await upload(resident, { bytes: png })).statusCode, 403)
    assert.equal((await resident.post('/administration/territoire/logo/retirer', {})).statusCode, 403)
    const mancheAdmin = await makeAccount(t, manche, { roles: ['administrator'] })
    const foreign = await new Client(t, calvados.hostnames[0]!).signInDirectly(mancheAdmin, {
      staff: true,
      secondFactor: true,
    })
    const res = await upload(foreign, { bytes: png })
    assert.ok([401, 403].includes(res.statusCode), String(res.statusCode))
    assert.deepEqual(await stored(calvados), before)
  })

  it('removes the logo: the header shows the name alone', async () => {
    assert.equal((await admin.post('/administration/territoire/logo/retirer', {})).statusCode, 303)
    assert.equal(await stored(calvados), null)
    const home = page((await t.app.inject({ url: '/', headers: { host: calvados.hostnames[0]! } })).body)
    assert.equal(home.document.querySelector('header img'), null)
  })
})
