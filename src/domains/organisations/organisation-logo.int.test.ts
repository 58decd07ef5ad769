import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { organisationLogos } from './organisation.schema.ts'
import { seedOrganisation } from './organisation-seed.ts'

const HOST = 'logos.entraide.test'
const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
).filter((text: string) => !/[\r\n"]/.test(text))

interface FilePart {
  name: string
  filename: string
  type: string
  bytes: Buffer
}

/** A multipart body with its parts in the order given: a field is [name, value]. */
function multipartBody(parts: ([string, string] | FilePart)[]) {
  const boundary = `----entraide${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    if (Array.isArray(part)) {
      const [name, value] = part
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      )
      continue
    }
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`,
      ),
      part.bytes,
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

function upload(
  client: Client,
  organisationId: string,
  file: Partial<FilePart> & { bytes: Buffer },
  token: string | null = client.csrfToken(),
) {
  // As a browser sends the form: the token first, then the file.
  const { payload, contentType } = multipartBody([
    ...(token === null ? [] : [['_csrf', token] as [string, string]]),
    { name: 'logo', filename: 'logo.png', type: 'image/png', ...file },
  ])
  return client.request({
    method: 'POST',
    url: `/organisations/${organisationId}/logo`,
    payload,
    headers: { 'content-type': contentType },
  })
}

/** A photo as a phone writes it: 1200 × 800, EXIF with the device, GPS and « turn me a quarter ». */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 120, b: 60 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'Téléphone', Model: 'Secret' }, IFD3: { GPSLatitudeRef: 'N' } })
    .toBuffer()
}

describe('an organisation’s logo: uploaded by its managers, served as our own WebP', () => {
  let t: TestApp
  let territory: Territory
  let manager: Awaited<ReturnType<typeof makeAccount>>
  let member: Awaited<ReturnType<typeof makeAccount>>
  let stranger: Awaited<ReturnType<typeof makeAccount>>
  let verifiedId: string
  let pendingId: string
  let asManager: Client

  const storedLogo = async (id: string) =>
    (await t.db.db.select().from(organisationLogos).where(eq(organisationLogos.organisationId, id)))[0] ??
    null
  const logoAudits = async () =>
    (await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.logo-changed'))).length

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
    manager = await makeAccount(t, territory)
    member = await makeAccount(t, territory)
    stranger = await makeAccount(t, territory)
    verifiedId = await seedOrganisation(t.db.db, {
      territoryId: territory.id,
      name: 'Épicerie solidaire',
      communeInsee: '14118',
      managerId: manager.id,
      memberIds: [member.id],
    })
    pendingId = await seedOrganisation(t.db.db, {
      territoryId: territory.id,
      name: 'Association en attente',
      communeInsee: '14118',
      status: 'pending',
      managerId: manager.id,
      memberIds: [member.id],
    })
    asManager = await new Client(t, HOST).signInDirectly(manager)
  })
  beforeEach(() => {
    // Each test starts with a fresh hour of uploads.
    t.clock.advance('61 minutes')
  })
  after(() => t.close())

  it('shows the form with its labelled file field to a manager', async () => {
    const res = await asManager.get(`/organisations/${verifiedId}/logo/modifier`)
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
    const res = await upload(asManager, verifiedId, {
      bytes: await phonePhoto(),
      filename: 'photo.jpg',
      type: 'image/jpeg',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/organisations/${verifiedId}?fait=logo-enregistre`)
    assert.equal(await logoAudits(), 1)

    const visitor = new Client(t, HOST)
    const served = await visitor.get(`/organisations/${verifiedId}/logo`)
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
      url: `/organisations/${verifiedId}/logo`,
      headers: { 'if-none-match': etag },
    })
    assert.equal(again.statusCode, 304)
    assert.equal(again.rawPayload.length, 0)

    // The form now shows it, and offers to remove it.
    const form = page((await asManager.get(`/organisations/${verifiedId}/logo/modifier`)).body)
    assert.ok(form.document.querySelector(`img[src^="/organisations/${verifiedId}/logo"]`))
    assert.ok(form.all('button').includes('Retirer le logo'))
  })

  it('refuses each bad file with its message, and keeps the logo there was', async () => {
    const before = await storedLogo(verifiedId)
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer()
    const huge = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    )
    huge.writeUInt32BE(100_000, 16)
    huge.writeUInt32BE(100_000, 20)
    const cases: [string, Partial<FilePart> & { bytes: Buffer }, string][] = [
      [
        'text named .png',
        { bytes: Buffer.from('ceci est un texte'), filename: 'logo.png' },
        'Ce fichier n’est pas une image (formats acceptés : JPEG, PNG, WebP, GIF).',
      ],
      [
        'SVG with a script',
        { bytes: svg, filename: 'logo.svg', type: 'image/svg+xml' },
        'Ce fichier n’est pas une image (formats acceptés : JPEG, PNG, WebP, GIF).',
      ],
      [
        'SVG named .gif',
        { bytes: svg, filename: 'logo.gif', type: 'image/gif' },
        'Ce fichier n’est pas une image (formats acceptés : JPEG, PNG, WebP, GIF).',
      ],
      [
        'over 2 MB',
        { bytes: Buffer.concat([jpeg, randomBytes(2 * 1024 * 1024)]), filename: 'grand.jpg' },
        'L’image dépasse 2 Mo.',
      ],
      [
        'truncated JPEG',
        { bytes: jpeg.subarray(0, jpeg.length >> 1), filename: 'coupe.jpg' },
        'L’image est incomplète ou abîmée : enregistrez-la de nouveau ou choisissez-en une autre.',
      ],
      [
        'huge dimensions',
        { bytes: huge, filename: 'bombe.png' },
        'L’image a trop de pixels (50 millions au plus) : réduisez-la avant de l’envoyer.',
      ],
      [
        'no file chosen',
        { bytes: Buffer.alloc(0), filename: '' },
        'Choisissez un fichier image (JPEG, PNG, WebP ou GIF).',
      ],
    ]
    for (const [label, file, message] of cases) {
      const res = await upload(asManager, verifiedId, file)
      assert.equal(res.statusCode, 400, label)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), [{ text: message, href: '#logo' }], label)
      assert.ok(p.document.querySelector('.error-summary[role="alert"]'), label)
      const input = p.document.getElementById('logo')
      assert.equal(input?.getAttribute('aria-describedby'), 'logo-error', label)
      assert.match(p.text('#logo-error'), new RegExp(message.slice(0, 20)), label)
      assert.deepEqual(await storedLogo(verifiedId), before, label)
    }
    assert.equal(await logoAudits(), 1)
  })

  it('gives a member and a stranger 404, and stores nothing', async () => {
    for (const who of [member, stranger]) {
      const client = await new Client(t, HOST).signInDirectly(who)
      const form = await client.get(`/organisations/${pendingId}/logo/modifier`)
      assert.equal(form.statusCode, 404)
      const res = await upload(client, pendingId, { bytes: await phonePhoto() })
      assert.equal(res.statusCode, 404)
      assert.equal((await client.post(`/organisations/${verifiedId}/logo/retirer`, {})).statusCode, 404)
    }
    assert.equal(await storedLogo(pendingId), null)
    assert.ok(await storedLogo(verifiedId))
    for (const id of ['pas-un-id', '00000000-0000-0000-0000-000000000000'])
      assert.equal((await asManager.get(`/organisations/${id}/logo/modifier`)).statusCode, 404)
  })

  it('refuses an upload without its token, or with a wrong one, and stores nothing', async () => {
    const bytes = await phonePhoto()
    for (const token of [null, 'faux', asManager.csrfToken().replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))]) {
      const res = await upload(asManager, pendingId, { bytes }, token)
      assert.equal(res.statusCode, 403, String(token))
    }
    // The token after the file is not read before it: refused too.
    const { payload, contentType } = multipartBody([
      { name: 'logo', filename: 'a.jpg', type: 'image/jpeg', bytes },
      ['_csrf', asManager.csrfToken()],
    ])
    const res = await asManager.request({
      method: 'POST',
      url: `/organisations/${pendingId}/logo`,
      payload,
      headers: { 'content-type': contentType },
    })
    assert.equal(res.statusCode, 403)
    assert.equal(await storedLogo(pendingId), null)
  })

  it('shows a pending organisation’s logo to its members only, never shared, and 404 to others', async () => {
    assert.equal((await upload(asManager, pendingId, { bytes: await phonePhoto() })).statusCode, 303)
    const asMember = await new Client(t, HOST).signInDirectly(member)
    const seen = await asMember.get(`/organisations/${pendingId}/logo`)
    assert.equal(seen.statusCode, 200)
    assert.equal(seen.headers['cache-control'], 'private, no-store')
    const asStranger = await new Client(t, HOST).signInDirectly(stranger)
    assert.equal((await asStranger.get(`/organisations/${pendingId}/logo`)).statusCode, 404)
    assert.equal((await new Client(t, HOST).get(`/organisations/${pendingId}/logo`)).statusCode, 404)
  })

  it('answers 404 from another territory and for an organisation without a logo', async () => {
    await makeTerritory(t.app.services, { hostnames: ['autre.entraide.test'] })
    assert.equal(
      (await new Client(t, 'autre.entraide.test').get(`/organisations/${verifiedId}/logo`)).statusCode,
      404,
    )
    const bare = await seedOrganisation(t.db.db, {
      territoryId: territory.id,
      name: 'Sans logo',
      communeInsee: '14118',
      managerId: manager.id,
    })
    assert.equal((await new Client(t, HOST).get(`/organisations/${bare}/logo`)).statusCode, 404)
    assert.equal((await new Client(t, HOST).get('/organisations/pas-un-id/logo')).statusCode, 404)
  })

  it('shows the logo in the directory', async () => {
    const directory = page((await new Client(t, HOST).get('/organisations')).body)
    const img = directory.document.querySelector('.results img')
    assert.match(String(img?.getAttribute('src')), new RegExp(`^/organisations/${verifiedId}/logo\\?v=`))
    assert.equal(img?.getAttribute('alt'), '')
  })

  it('removes the logo, once audited', async () => {
    const audits = await logoAudits()
    const res = await asManager.post(`/organisations/${verifiedId}/logo/retirer`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/organisations/${verifiedId}?fait=logo-retire`)
    assert.equal(await storedLogo(verifiedId), null)
    assert.equal((await new Client(t, HOST).get(`/organisations/${verifiedId}/logo`)).statusCode, 404)
    assert.equal(await logoAudits(), audits + 1)
  })

  it('answers hostile text in the address, the file name and the token with a 4xx, never a 500', async () => {
    const photo = await phonePhoto()
    // Every byte percent-encoded, as a browser would send it (a lone surrogate as U+FFFD).
    const pct = (text: string) =>
      [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
    const clientError = (status: number) => status >= 400 && status < 500
    for (const text of HOSTILE) {
      const label = JSON.stringify(text.slice(0, 30))
      const byId = await new Client(t, HOST).get(`/organisations/${pct(text)}/logo`)
      assert.ok(clientError(byId.statusCode), `id ${label}: ${byId.statusCode}`)
      const form = await asManager.get(`/organisations/${pct(text)}/logo/modifier`)
      assert.ok(clientError(form.statusCode), `form ${label}: ${form.statusCode}`)
      const version = await new Client(t, HOST).get(`/organisations/${pendingId}/logo?v=${pct(text)}`)
      assert.ok(clientError(version.statusCode), `v ${label}: ${version.statusCode}`)
      const token = await upload(asManager, pendingId, { bytes: photo }, text)
      assert.equal(token.statusCode, 403, `token ${label}`)
    }
    // A hostile file name is never used: the photo is stored all the same, the name nowhere.
    const named = await upload(asManager, pendingId, {
      bytes: photo,
      filename: '<img src=x onerror=alert(1)>‮gpj.exe',
    })
    assert.equal(named.statusCode, 303)
  })

  it('limits a manager to 10 uploads an hour, refused files included', async () => {
    const text = { bytes: Buffer.from('pas une image') }
    for (let i = 0; i < 10; i++) assert.equal((await upload(asManager, verifiedId, text)).statusCode, 400)
    const res = await upload(asManager, verifiedId, { bytes: await phonePhoto() })
    assert.equal(res.statusCode, 429)
    assert.deepEqual(page(res.body).errorSummary(), [
      { text: 'Trop d’envois de logo en une heure : réessayez plus tard.', href: '#logo' },
    ])
    assert.ok(Number(res.headers['retry-after']) > 0)
    assert.equal(await storedLogo(verifiedId), null)
  })
})
