import type { Multipart } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { ImageRefused, readAtMost } from '../images/image.ts'
import { CSRF_FIELD } from './csrf.ts'

/** The multipart parts of an upload still to read, after the token the hook took from the front. */
const pending = new WeakMap<FastifyRequest, AsyncIterator<Multipart>>()

/**
 * The CSRF check reads the token from the body, as for every form. A multipart body is a stream:
 * this hook reads its first part, which an upload form makes the token, and hands it to the check
 * as a urlencoded form would, leaving the file unread until the check and the access rule have
 * passed. The route's handler then reads the rest through `uploadParts`.
 */
async function tokenFromFirstPart(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return
  const parts = req.parts()
  pending.set(req, parts)
  const first = await parts.next().catch(() => null)
  const part = first && !first.done ? first.value : null
  if (part?.type === 'field' && part.fieldname === CSRF_FIELD && typeof part.value === 'string') {
    req.body = { [CSRF_FIELD]: part.value }
  } else if (part?.type === 'file') {
    // Refused by the check that follows: the file is dropped as it comes, never held.
    part.file.resume()
  }
}

/** Every remaining part read and dropped, so that the request ends whatever was refused. */
async function dropRest(req: FastifyRequest): Promise<void> {
  const parts = pending.get(req)
  if (!parts) return
  try {
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      if (next.value.type === 'file') next.value.file.resume()
    }
  } catch {
    // A malformed or cut body: nothing more to read.
  }
}

/**
 * The hooks of a route that takes an upload (in a plugin that registered @fastify/multipart with
 * its limits): the token first, and the body read to its end whatever was refused.
 */
export const uploadHooks = {
  preValidation: tokenFromFirstPart,
  onResponse: async (req: FastifyRequest) => {
    void dropRest(req)
  },
}

/** The parts after the token, for the handler to read (undefined for a body that is not multipart). */
export function uploadParts(req: FastifyRequest): AsyncIterator<Multipart> | undefined {
  return pending.get(req)
}

/**
 * The one file of the form in `field`, read with the size limit (one byte over is enough to refuse
 * it); the other parts are dropped. Refuses with ImageRefused's problems common to every upload:
 * missing, too-large, damaged (a body cut short or malformed).
 */
export async function readOneFile(
  parts: AsyncIterator<Multipart> | undefined,
  field: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; fileName: string }> {
  if (!parts) throw new ImageRefused('missing')
  let upload: { bytes: Buffer; fileName: string } | null = null
  try {
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      const part = next.value
      if (part.type !== 'file') continue
      if (part.fieldname === field && upload === null && part.filename !== '') {
        upload = { bytes: await readAtMost(part.file, maxBytes), fileName: part.filename }
      } else part.file.resume()
    }
  } catch (error) {
    if (error instanceof ImageRefused) throw error
    throw new ImageRefused('damaged')
  }
  if (!upload || upload.bytes.length === 0) throw new ImageRefused('missing')
  return upload
}
