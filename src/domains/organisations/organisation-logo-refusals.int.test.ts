import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { after, before, beforeEach, describe, it } from 'node:test'
import sharp from 'sharp'
import { Client } from '../../../test/helpers/accounts.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  type FilePart,
  logoFixture,
  multipartBody,
  phonePhoto,
  uploadLogo,
} from '../../../test/helpers/logos.ts'

const HOST = 'logos-refus.entraide.test'
const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
).filter((text: string) => !/[\r\n"]/.test(text))

describe('an organisation’s logo refused: bad files, strangers, forged posts, too many uploads', () => {
  let f: Awaited<ReturnType<typeof logoFixture>>
  before(async () => {
    f = await logoFixture(HOST)
    // A logo already there, which no refused upload may change.
    assert.equal((await uploadLogo(f.asManager, f.verifiedId, { bytes: await phonePhoto() })).statusCode, 303)
  })
  beforeEach(() => {
    // Each test starts with a fresh hour of uploads.
    f.t.clock.advance('61 minutes')
  })
  after(() => f.t.close())

  it('refuses each bad file with its message, and keeps the logo there was', async () => {
    const before = await f.storedLogo(f.verifiedId)
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
      const res = await uploadLogo(f.asManager, f.verifiedId, file)
      assert.equal(res.statusCode, 400, label)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), [{ text: message, href: '#logo' }], label)
      assert.ok(p.document.querySelector('.error-summary[role="alert"]'), label)
      const input = p.document.getElementById('logo')
      assert.equal(input?.getAttribute('aria-describedby'), 'logo-error', label)
      assert.match(p.text('#logo-error'), new RegExp(message.slice(0, 20)), label)
      assert.deepEqual(await f.storedLogo(f.verifiedId), before, label)
    }
    assert.equal(await f.logoAudits(), 1)
  })

  it('gives a member and a stranger 404, and stores nothing', async () => {
    for (const who of [f.member, f.stranger]) {
      const client = await new Client(f.t, HOST).signInDirectly(who)
      const form = await client.get(`/organisations/${f.pendingId}/logo/modifier`)
      assert.equal(form.statusCode, 404)
      const res = await uploadLogo(client, f.pendingId, { bytes: await phonePhoto() })
      assert.equal(res.statusCode, 404)
      assert.equal((await client.post(`/organisations/${f.verifiedId}/logo/retirer`, {})).statusCode, 404)
    }
    assert.equal(await f.storedLogo(f.pendingId), null)
    assert.ok(await f.storedLogo(f.verifiedId))
    for (const id of ['pas-un-id', '00000000-0000-0000-0000-000000000000'])
      assert.equal((await f.asManager.get(`/organisations/${id}/logo/modifier`)).statusCode, 404)
  })

  it('refuses an upload without its token, or with a wrong one, and stores nothing', async () => {
    const bytes = await phonePhoto()
    for (const token of [
      null,
      'faux',
      f.asManager.csrfToken().replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    ]) {
      const res = await uploadLogo(f.asManager, f.pendingId, { bytes }, token)
      assert.equal(res.statusCode, 403, String(token))
    }
    // The token after the file is not read before it: refused too.
    const { payload, contentType } = multipartBody([
      { name: 'logo', filename: 'a.jpg', type: 'image/jpeg', bytes },
      ['_csrf', f.asManager.csrfToken()],
    ])
    const res = await f.asManager.request({
      method: 'POST',
      url: `/organisations/${f.pendingId}/logo`,
      payload,
      headers: { 'content-type': contentType },
    })
    assert.equal(res.statusCode, 403)
    assert.equal(await f.storedLogo(f.pendingId), null)
  })

  it('answers hostile text in the address, the file name and the token with a 4xx, never a 500', async () => {
    const photo = await phonePhoto()
    // Every byte percent-encoded, as a browser would send it (a lone surrogate as U+FFFD).
    const pct = (text: string) =>
      [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
    const clientError = (status: number) => status >= 400 && status < 500
    for (const text of HOSTILE) {
      const label = JSON.stringify(text.slice(0, 30))
      const byId = await new Client(f.t, HOST).get(`/organisations/${pct(text)}/logo`)
      assert.ok(clientError(byId.statusCode), `id ${label}: ${byId.statusCode}`)
      const form = await f.asManager.get(`/organisations/${pct(text)}/logo/modifier`)
      assert.ok(clientError(form.statusCode), `form ${label}: ${form.statusCode}`)
      const version = await new Client(f.t, HOST).get(`/organisations/${f.pendingId}/logo?v=${pct(text)}`)
      assert.ok(clientError(version.statusCode), `v ${label}: ${version.statusCode}`)
      const token = await uploadLogo(f.asManager, f.pendingId, { bytes: photo }, text)
      assert.equal(token.statusCode, 403, `token ${label}`)
    }
    // A hostile file name is never used: the photo is stored all the same, the name nowhere.
    const named = await uploadLogo(f.asManager, f.pendingId, {
      bytes: photo,
      filename: '<img src=x onerror=alert(1)>‮gpj.exe',
    })
    assert.equal(named.statusCode, 303)
  })

  it('limits a manager to 10 uploads an hour, refused files included', async () => {
    const kept = (await f.storedLogo(f.verifiedId))?.etag
    const text = { bytes: Buffer.from('pas une image') }
    for (let i = 0; i < 10; i++)
      assert.equal((await uploadLogo(f.asManager, f.verifiedId, text)).statusCode, 400)
    const res = await uploadLogo(f.asManager, f.verifiedId, { bytes: await phonePhoto() })
    assert.equal(res.statusCode, 429)
    assert.deepEqual(page(res.body).errorSummary(), [
      { text: 'Trop d’envois de logo en une heure : réessayez plus tard.', href: '#logo' },
    ])
    assert.ok(Number(res.headers['retry-after']) > 0)
    assert.equal((await f.storedLogo(f.verifiedId))?.etag, kept)
  })
})
