import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import type { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { multipartBody, phonePhoto } from '../../../test/helpers/logos.ts'
import { type ProducerWorld, producerWorld } from '../../../test/helpers/producers.ts'
import { IMAGE_MAX_BYTES } from '../../platform/images/image.ts'

/** As the browser sends the form: the token, the text alternative, then the file. */
function upload(client: Client, id: string, alt: string | null, bytes: Buffer, type = 'image/jpeg') {
  const { payload, contentType } = multipartBody([
    ['_csrf', client.csrfToken()],
    ...(alt === null ? [] : [['alt', alt] as [string, string]]),
    { name: 'photo', filename: 'photo.jpg', type, bytes },
  ])
  return client.request({
    method: 'POST',
    url: `/organisations/${id}/producteur/photos`,
    payload,
    headers: { 'content-type': contentType },
  })
}

describe('a producer’s photos', () => {
  let t: TestApp
  let w: ProducerWorld
  let jpeg: Buffer
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'photos')
    jpeg = await phonePhoto()
  })
  after(() => t.close())

  it('re-encodes a photo to WebP with its text alternative, shown to members while the farm is pending', async () => {
    const farmer = await w.client(w.farmer)
    const res = await upload(farmer, w.farmId, 'Les poules dans le verger', jpeg)
    assert.equal(res.statusCode, 303)
    assert.equal((await w.counts(w.farmId)).photos, 1)
    const manage = page((await farmer.get(`/organisations/${w.farmId}/producteur`)).body)
    const img = manage.document.querySelector('.producer-photos img')!
    assert.equal(img.getAttribute('alt'), 'Les poules dans le verger')
    const served = await farmer.get(img.getAttribute('src')!)
    assert.equal(served.statusCode, 200)
    assert.equal(served.headers['content-type'], 'image/webp')
    const meta = await sharp(served.rawPayload).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.exif, undefined)
    // Pending: not for a visitor; verified: for everyone.
    assert.equal((await w.visitor().get(img.getAttribute('src')!)).statusCode, 404)
    await w.verify(w.farmId)
    assert.equal((await w.visitor().get(img.getAttribute('src')!)).statusCode, 200)
    const publicPage = page((await w.visitor().get(`/producteurs/${w.farmId}`)).body)
    assert.equal(
      publicPage.document.querySelector('.producer-photos img')?.getAttribute('alt'),
      'Les poules dans le verger',
    )
  })

  it('refuses a photo without its text alternative, a file that is not an image, and one too large, in French', async () => {
    const farmer = await w.client(w.farmer)
    const before = (await w.counts(w.farmId)).photos
    const noAlt = await upload(farmer, w.farmId, '', jpeg)
    assert.equal(noAlt.statusCode, 400)
    assert.ok(
      page(noAlt.body)
        .errorSummary()
        .some((e) => e.href === '#alt' && /Décrivez ce que montre la photo/.test(e.text)),
    )
    const text = await upload(
      farmer,
      w.farmId,
      'Une photo',
      Buffer.from('<svg><script>alert(1)</script></svg>'),
      'image/png',
    )
    assert.equal(text.statusCode, 400)
    assert.ok(
      page(text.body)
        .errorSummary()
        .some((e) => e.href === '#photo' && /n’est pas une image/.test(e.text)),
    )
    const big = await upload(
      farmer,
      w.farmId,
      'Trop grande',
      Buffer.concat([jpeg, Buffer.alloc(IMAGE_MAX_BYTES)]),
    )
    assert.equal(big.statusCode, 400)
    assert.match(page(big.body).text('.error-summary'), /2 Mo/)
    const long = await upload(farmer, w.farmId, 'x'.repeat(301), jpeg)
    assert.equal(long.statusCode, 400)
    assert.equal((await w.counts(w.farmId)).photos, before)
  })

  it('answers a hostile text alternative with a refusal and nothing stored, never with markup', async () => {
    const HOSTILE: string[] = JSON.parse(
      readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
    )
    const farmer = await w.client(w.farmer)
    const before = (await w.counts(w.farmId)).photos
    const notImage = Buffer.from('pas une image')
    for (const alt of HOSTILE) {
      const res = await upload(farmer, w.farmId, alt, notImage, 'image/png')
      // Refused for its text, for the file, or once too many uploads were tried: never stored.
      assert.ok([400, 429].includes(res.statusCode), `${JSON.stringify(alt.slice(0, 20))}: ${res.statusCode}`)
      assert.ok(!res.body.includes('<script>alert') && !res.body.includes('<img src=x'))
    }
    assert.equal((await w.counts(w.farmId)).photos, before)
    await t.db.db.execute(sql`delete from rate_limits`)
  })

  it('keeps six photos at most', async () => {
    const farmer = await w.client(w.farmer)
    while ((await w.counts(w.farmId)).photos < 6)
      assert.equal((await upload(farmer, w.farmId, 'Le verger', jpeg)).statusCode, 303)
    const seventh = await upload(farmer, w.farmId, 'Une de trop', jpeg)
    assert.ok([400, 429].includes(seventh.statusCode), String(seventh.statusCode))
    assert.equal((await w.counts(w.farmId)).photos, 6)
  })

  it('gives 404 to anyone but the managers, for adding and removing, and keeps the photos', async () => {
    const stranger = await w.client(w.stranger)
    const chamber = await w.client(w.chamberManager)
    const farmer = await w.client(w.farmer)
    const src = page((await farmer.get(`/organisations/${w.farmId}/producteur`)).body)
      .document.querySelector('.producer-photos img')!
      .getAttribute('src')!
    const photoId = src.split('/')[4]!.split('?')[0]!
    for (const client of [stranger, chamber]) {
      assert.equal((await upload(client, w.farmId, 'Intrus', jpeg)).statusCode, 404)
      assert.equal(
        (await client.post(`/organisations/${w.farmId}/producteur/photos/${photoId}/retirer`, {})).statusCode,
        404,
      )
    }
    assert.equal((await w.counts(w.farmId)).photos, 6)
    assert.equal(
      (await farmer.post(`/organisations/${w.farmId}/producteur/photos/${photoId}/retirer`, {})).statusCode,
      303,
    )
    assert.equal((await w.counts(w.farmId)).photos, 5)
  })
})
