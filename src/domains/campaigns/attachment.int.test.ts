import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import type { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type CampaignWorld, campaignWorld } from '../../../test/helpers/campaigns.ts'
import { page } from '../../../test/helpers/html.ts'
import { type FilePart, multipartBody } from '../../../test/helpers/logos.ts'
import { supplyCampaignFiles, supplyCampaigns } from './campaign.schema.ts'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

function upload(client: Client, campaignId: string, file: Partial<FilePart> & { bytes: Buffer }) {
  const { payload, contentType } = multipartBody([
    ['_csrf', client.csrfToken()],
    { name: 'file', filename: 'patron.pdf', type: 'application/pdf', ...file },
  ])
  return client.request({
    method: 'POST',
    url: `/collectes/${campaignId}/gestion/piece-jointe`,
    payload,
    headers: { 'content-type': contentType },
  })
}

describe('the specification’s attachment: a PDF as is or an image re-encoded, checked, served as a download', () => {
  let t: TestApp
  let w: CampaignWorld
  const files = () =>
    t.db.db.select().from(supplyCampaignFiles).where(eq(supplyCampaignFiles.campaignId, w.campaignId))
  before(async () => {
    t = await buildTestApp()
    w = await campaignWorld(t)
  })
  after(() => t.close())

  it('stores a PDF as it came and serves it as a download with nosniff and a clean name', async () => {
    const staff = await w.staffClient()
    const form = page((await staff.get(`/collectes/${w.campaignId}/gestion/piece-jointe`)).body)
    assert.ok(form.field('Fichier'))
    const res = await upload(staff, w.campaignId, {
      filename: '../../etc/Patron\u202e masque <v2>.pdf',
      bytes: PDF,
    })
    assert.equal(res.statusCode, 303, res.body)
    const [row] = await files()
    assert.equal(row?.mediaType, 'application/pdf')
    assert.equal(row?.fileName, 'Patron masque v2.pdf')
    assert.ok(Buffer.from(row!.content).equals(PDF))
    const served = await (await w.client(null)).get(`/collectes/${w.campaignId}/cahier-des-charges`)
    assert.equal(served.statusCode, 200)
    assert.equal(served.headers['content-type'], 'application/pdf')
    assert.equal(served.headers['x-content-type-options'], 'nosniff')
    assert.match(
      served.headers['content-disposition'] as string,
      /^attachment; filename="Patron_masque_v2.pdf"/,
    )
    assert.ok(served.rawPayload.equals(PDF))
    const publicPage = page((await (await w.client(null)).get(`/collectes/${w.campaignId}`)).body)
    assert.equal(
      publicPage.link('Télécharger le cahier des charges (Patron masque v2.pdf)'),
      `/collectes/${w.campaignId}/cahier-des-charges`,
    )
  })

  it('re-encodes an image to WebP', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .png()
      .toBuffer()
    const staff = await w.staffClient()
    const res = await upload(staff, w.campaignId, { filename: 'modele.png', type: 'image/png', bytes: png })
    assert.equal(res.statusCode, 303)
    const [row] = await files()
    assert.equal(row?.mediaType, 'image/webp')
    assert.equal(row?.fileName, 'modele.webp')
    assert.equal((await sharp(Buffer.from(row!.content)).metadata()).format, 'webp')
  })

  it('refuses a renamed HTML, EXE or SVG, and a file over 5 MB, keeping the file there was', async () => {
    const staff = await w.staffClient()
    const [kept] = await files()
    const refused: [string, Buffer, string][] = [
      [
        'page.pdf',
        Buffer.from('<!doctype html><script>alert(1)</script>'),
        'Ce fichier n’est ni un PDF ni une image (JPEG, PNG, WebP, GIF)',
      ],
      [
        'setup.pdf',
        Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
        'Ce fichier n’est ni un PDF ni une image (JPEG, PNG, WebP, GIF)',
      ],
      [
        'image.png',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        'Ce fichier n’est ni un PDF ni une image (JPEG, PNG, WebP, GIF)',
      ],
      ['gros.pdf', Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), 'Le fichier dépasse 5 Mo'],
    ]
    for (const [filename, bytes, message] of refused) {
      const res = await upload(staff, w.campaignId, { filename, bytes })
      assert.equal(res.statusCode, 400, filename)
      assert.deepEqual(page(res.body).errorSummary(), [{ text: message, href: '#file' }])
    }
    const [still] = await files()
    assert.equal(still?.id, kept?.id)
  })

  it('lets only those who run the campaign upload or remove; a draft’s file is not public', async () => {
    for (const account of [w.resident, w.orgMember]) {
      const res = await upload(await w.client(account), w.campaignId, { bytes: PDF })
      assert.equal(res.statusCode, 404, `${account.displayName}: ${res.body}`)
    }
    const manager = await w.client(w.orgManager)
    assert.equal((await upload(manager, w.campaignId, { bytes: PDF })).statusCode, 303)
    await t.db.db.update(supplyCampaigns).set({ status: 'draft' }).where(eq(supplyCampaigns.id, w.campaignId))
    assert.equal(
      (await (await w.client(null)).get(`/collectes/${w.campaignId}/cahier-des-charges`)).statusCode,
      404,
    )
    assert.equal((await manager.get(`/collectes/${w.campaignId}/cahier-des-charges`)).statusCode, 200)
    assert.equal(
      (await manager.post(`/collectes/${w.campaignId}/gestion/piece-jointe/retirer`, {})).statusCode,
      303,
    )
    assert.equal((await files()).length, 0)
    assert.equal((await manager.get(`/collectes/${w.campaignId}/cahier-des-charges`)).statusCode, 404)
  })
})
