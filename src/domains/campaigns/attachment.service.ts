import { createHash } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { Limit } from '../../platform/http/rate-limit.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { ImageRefused, reencodeImage, sniffedFormat } from '../../platform/images/image.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { attachmentOf, deleteAttachment, replaceAttachment } from './campaign.repository.ts'
import { campaignIn, publicCampaign, runCampaign } from './campaign-access.ts'

/** The specification's file may weigh 5 MB: a sewing pattern in PDF, or a photo of the model. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
/** Patterns are read in detail: a larger box than a logo's. */
const IMAGE_BOX = 1600
export const ATTACHMENT_UPLOADS: Limit = { max: 10, windowMs: 3_600_000 }

export type AttachmentProblem = 'missing' | 'not-accepted' | 'too-large' | 'damaged' | 'too-many-pixels'
const problemKeys = {
  missing: 'supply.file.missing',
  'not-accepted': 'supply.file.notAccepted',
  'too-large': 'supply.file.tooLarge',
  damaged: 'supply.file.damaged',
  'too-many-pixels': 'image.error.tooManyPixels',
} as const satisfies Record<AttachmentProblem, MessageKey>

export class AttachmentRefused extends Error {
  constructor(readonly problem: AttachmentProblem) {
    super(`attachment refused: ${problem}`)
  }
  get key(): MessageKey {
    return problemKeys[this.problem]
  }
}

/** An upload as read from the form: its bytes (at most one over the limit) and the name it came with. */
export type Upload = { bytes: Buffer; fileName: string }

/**
 * The name shown on the download link: no path, no control or bidirectional characters, nothing a
 * header or a file system would read otherwise, and the extension of what is stored.
 */
export function cleanFileName(name: string, extension: 'pdf' | 'webp'): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"<>:|?*]/gu, '')
    .replace(/\.[^.]*$/, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 80)
  return `${base || 'cahier-des-charges'}.${extension}`
}

/** What a file is, from its first bytes alone: a PDF, an image we re-encode, or neither. */
function kindOf(bytes: Buffer): 'pdf' | 'image' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  return sniffedFormat(bytes) ? 'image' : null
}

/**
 * The specification's attachment: a PDF stored as it came (after its magic bytes and size are
 * checked; it is only ever served as a download), or an image re-encoded to WebP, never kept as uploaded.
 */
export class AttachmentService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** Checks who runs the campaign before a byte of the file is read (`read` streams it with its limit). */
  async save(actor: Actor | null, territory: Territory, id: string, read: () => Promise<Upload>) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, id)
    await this.services.rateLimiter.hit(`campaign:file:${me.accountId}`, ATTACHMENT_UPLOADS)
    const upload = await read()
    if (upload.bytes.length === 0) throw new AttachmentRefused('missing')
    if (upload.bytes.length > ATTACHMENT_MAX_BYTES) throw new AttachmentRefused('too-large')
    const kind = kindOf(upload.bytes)
    if (!kind) throw new AttachmentRefused('not-accepted')
    let stored: { bytes: Buffer; mediaType: 'application/pdf' | 'image/webp'; fileName: string }
    if (kind === 'pdf') {
      stored = {
        bytes: upload.bytes,
        mediaType: 'application/pdf',
        fileName: cleanFileName(upload.fileName, 'pdf'),
      }
    } else {
      try {
        const image = await reencodeImage(upload.bytes, { box: IMAGE_BOX, maxBytes: ATTACHMENT_MAX_BYTES })
        stored = {
          bytes: image.bytes,
          mediaType: image.mediaType,
          fileName: cleanFileName(upload.fileName, 'webp'),
        }
      } catch (error) {
        if (!(error instanceof ImageRefused)) throw error
        throw new AttachmentRefused(
          error.problem === 'too-many-pixels'
            ? 'too-many-pixels'
            : error.problem === 'not-image'
              ? 'not-accepted'
              : 'damaged',
        )
      }
    }
    const now = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      await replaceAttachment(tx, {
        id: this.services.ids(),
        campaignId: campaign.id,
        fileName: stored.fileName,
        mediaType: stored.mediaType,
        content: stored.bytes,
        size: stored.bytes.length,
        etag: createHash('sha256').update(stored.bytes).digest('base64url').slice(0, 32),
        uploadedBy: me.accountId,
        createdAt: now,
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'campaign.file-changed',
          targetId: campaign.id,
          details: { mediaType: stored.mediaType, size: stored.bytes.length },
        },
        tx,
      )
    })
    return campaign
  }

  async remove(actor: Actor | null, territory: Territory, id: string) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, id)
    await this.#db.transaction(async (tx) => {
      if (!(await deleteAttachment(tx, campaign.id))) return
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'campaign.file-changed',
          targetId: campaign.id,
          details: { removed: true },
        },
        tx,
      )
    })
    return campaign
  }

  /** Public for an opened campaign; a draft's only for those who run it; 404 for anyone else. */
  async serve(actor: Actor | null, territory: Territory, id: string) {
    let campaign = await publicCampaign(this.#db, territory.id, id)
    // A visitor is not asked to sign in for a draft's file: it does not exist for them.
    if (!campaign && actor && (await campaignIn(this.#db, territory.id, id)))
      campaign = (await runCampaign(this.#db, actor, territory.id, id, 'campaigns:read')).campaign
    if (!campaign) throw notFound()
    const file = await attachmentOf(this.#db, campaign.id)
    if (!file) throw notFound()
    return { file, shared: campaign.status !== 'draft' }
  }
}
