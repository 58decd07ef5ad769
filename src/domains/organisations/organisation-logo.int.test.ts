import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import sharp from 'sharp'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { logoFixture, phonePhoto, uploadLogo } from '../../../test/helpers/logos.ts'
import { seedOrganisation } from './organisation-seed.ts'

const HOST = 'logos.entraide.test'

describe('an organisation’s logo: uploaded by its managers, served as our own WebP', () => {
  let f: Awaited<ReturnType<typeof logoFixture>>
  before(async () => {
    f = await logoFixture(HOST)
  })
  beforeEach(() => {
    // Each test starts with a fresh hour of uploads.
    f.t.clock.advance('61 minutes')
  })
  after(() => f.t.close())

  it('shows the form with its labelled file field to a manager', async () => {
    const res = await f.asManager.get(`/organisations/${f.verifiedId}/logo/modifier`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Logo de Épicerie solidaire')
    const field = p.field('Logo (JPEG, PNG, WebP ou GIF, 2 Mo au plus)')
    assert.equal(field?.getAttribute('type'), 'file')
    const form = p.document.querySelector('form[enctype="multipart/form-data"]')
    // The token comes before the file, so the server reads it first.
    assert.deepEqual(
      [...(form?.querySelectorAll('input') ?? [])].map((i) => i.getAttribute('name')),
      ['_csrf', 'logo'],
    )
    assert.match(p.text('main') || res.body, /Aucun logo pour l’instant/)
  })

  it('stores a phone photo re-encoded: WebP, upright, at most 512 px, without EXIF, and serves it', async () => {
    const res = await uploadLogo(f.asManager, f.verifiedId, {
      bytes: await phonePhoto(),
      filename: 'photo.jpg',
      type: 'image/jpeg',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/organisations/${f.verifiedId}?fait=logo-enregistre`)
    assert.equal(await f.logoAudits(), 1)

    const visitor = new Client(f.t, HOST)
    const served = await visitor.get(`/organisations/${f.verifiedId}/logo`)
    assert.equal(served.statusCode, 200)
    assert.equal(served.headers['content-type'], 'image/webp')
    assert.equal(served.headers['x-content-type-options'], 'nosniff')
    assert.equal(served.headers['content-security-policy'], "default-src 'none'")
    assert.equal(served.headers['cache-control'], 'public, no-cache')
    const meta = await sharp(served.rawPayload).metadata()
    assert.equal(meta.format, 'webp')
    // 1200 × 800 turned upright is 800 × 1200, then fit in 512 px.
    assert.deepEqual([meta.width, meta.height], [341, 512])
    assert.equal(meta.exif, undefined)
    assert.ok(!served.rawPayload.includes(Buffer.from('Secret')))

    // The same bytes again: 304 to the ETag.
    const etag = String(served.headers.etag)
    assert.match(etag, /^"[\w-]{32}"$/)
    const again = await visitor.request({
      method: 'GET',
      url: `/organisations/${f.verifiedId}/logo`,
      headers: { 'if-none-match': etag },
    })
    assert.equal(again.statusCode, 304)
    assert.equal(again.rawPayload.length, 0)

    // The form now shows it, and offers to remove it.
    const form = page((await f.asManager.get(`/organisations/${f.verifiedId}/logo/modifier`)).body)
    assert.ok(form.document.querySelector(`img[src^="/organisations/${f.verifiedId}/logo"]`))
    assert.ok(form.all('button').includes('Retirer le logo'))
  })

  it('shows a pending organisation’s logo to its members only, never shared, and 404 to others', async () => {
    assert.equal((await uploadLogo(f.asManager, f.pendingId, { bytes: await phonePhoto() })).statusCode, 303)
    const asMember = await new Client(f.t, HOST).signInDirectly(f.member)
    const seen = await asMember.get(`/organisations/${f.pendingId}/logo`)
    assert.equal(seen.statusCode, 200)
    assert.equal(seen.headers['cache-control'], 'private, no-store')
    const asStranger = await new Client(f.t, HOST).signInDirectly(f.stranger)
    assert.equal((await asStranger.get(`/organisations/${f.pendingId}/logo`)).statusCode, 404)
    assert.equal((await new Client(f.t, HOST).get(`/organisations/${f.pendingId}/logo`)).statusCode, 404)
  })

  it('shows a pending organisation’s logo to the territory’s staff', async () => {
    const staff = await makeAccount(f.t, f.territory, { roles: ['moderator'] })
    const asStaff = await new Client(f.t, HOST).signInDirectly(staff, { staff: true, secondFactor: true })
    const seen = await asStaff.get(`/organisations/${f.pendingId}/logo`)
    assert.equal(seen.statusCode, 200)
    assert.equal(seen.headers['cache-control'], 'private, no-store')
  })

  it('answers 404 from another territory and for an organisation without a logo', async () => {
    await makeTerritory(f.t.app.services, { hostnames: ['autre.entraide.test'] })
    assert.equal(
      (await new Client(f.t, 'autre.entraide.test').get(`/organisations/${f.verifiedId}/logo`)).statusCode,
      404,
    )
    const bare = await seedOrganisation(f.t.db.db, {
      territoryId: f.territory.id,
      name: 'Sans logo',
      communeInsee: '14118',
      managerId: f.manager.id,
    })
    assert.equal((await new Client(f.t, HOST).get(`/organisations/${bare}/logo`)).statusCode, 404)
    assert.equal((await new Client(f.t, HOST).get('/organisations/pas-un-id/logo')).statusCode, 404)
  })

  it('shows the logo in the directory', async () => {
    const directory = page((await new Client(f.t, HOST).get('/organisations')).body)
    const img = directory.document.querySelector('.results img')
    assert.match(String(img?.getAttribute('src')), new RegExp(`^/organisations/${f.verifiedId}/logo\\?v=`))
    assert.equal(img?.getAttribute('alt'), '')
  })

  it('removes the logo, once audited', async () => {
    const audits = await f.logoAudits()
    const res = await f.asManager.post(`/organisations/${f.verifiedId}/logo/retirer`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/organisations/${f.verifiedId}?fait=logo-retire`)
    assert.equal(await f.storedLogo(f.verifiedId), null)
    assert.equal((await new Client(f.t, HOST).get(`/organisations/${f.verifiedId}/logo`)).statusCode, 404)
    assert.equal(await f.logoAudits(), audits + 1)
  })
})
