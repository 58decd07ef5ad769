import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { seedOrganisation } from '../../src/domains/organisations/index.ts'
import { organisationLogos } from '../../src/domains/organisations/organisation.schema.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import { buildTestApp, type TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

// Uploading organisations' logos as a browser does, and the organisations to upload them to.

export interface FilePart {
  name: string
  filename: string
  type: string
  bytes: Buffer
}

/** A multipart body with its parts in the order given: a field is [name, value]. */
export function multipartBody(parts: ([string, string] | FilePart)[]) {
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

export function uploadLogo(
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

/** The territory's logo, sent by its administrator from the settings page. */
export function uploadTerritoryLogo(client: Client, file: Partial<FilePart> & { bytes: Buffer }) {
  // As a browser sends the form: the token first, then the file.
  const { payload, contentType } = multipartBody([
    ['_csrf', client.csrfToken()],
    { name: 'logo', filename: 'logo.png', type: 'image/png', ...file },
  ])
  return client.request({
    method: 'POST',
    url: '/administration/territoire/logo',
    payload,
    headers: { 'content-type': contentType },
  })
}

/** A photo as a phone writes it: 1200 × 800, EXIF with the device, GPS and « turn me a quarter ». */
export async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 120, b: 60 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'Téléphone', Model: 'Secret' }, IFD3: { GPSLatitudeRef: 'N' } })
    .toBuffer()
}

/**
 * An app with a territory, a verified and a pending organisation that one manager runs and one
 * member belongs to, a stranger, and the manager signed in.
 */
export async function logoFixture(host: string) {
  const t: TestApp = await buildTestApp()
  const territory: Territory = await makeTerritory(t.app.services, { hostnames: [host] })
  const manager: Account = await makeAccount(t, territory)
  const member: Account = await makeAccount(t, territory)
  const stranger: Account = await makeAccount(t, territory)
  const organisation = (name: string, status: 'verified' | 'pending') =>
    seedOrganisation(t.db.db, {
      territoryId: territory.id,
      name,
      communeInsee: '14118',
      status,
      managerId: manager.id,
      memberIds: [member.id],
    })
  const verifiedId = await organisation('Épicerie solidaire', 'verified')
  const pendingId = await organisation('Association en attente', 'pending')
  const asManager = await new Client(t, host).signInDirectly(manager)
  return {
    t,
    territory,
    manager,
    member,
    stranger,
    verifiedId,
    pendingId,
    asManager,
    /** the stored row, or null */
    storedLogo: async (id: string) =>
      (await t.db.db.select().from(organisationLogos).where(eq(organisationLogos.organisationId, id)))[0] ??
      null,
    logoAudits: async () =>
      (await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.logo-changed'))).length,
  }
}
