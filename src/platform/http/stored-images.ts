import { Type } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { matchesEtag } from './cache-policy.ts'

/** What a stored image's address may carry: its version, so that a new image is a new address. */
export const imageVersionQuery = Type.Object({ v: Type.Optional(Type.String({ maxLength: 40 })) })

/**
 * An `onSend` hook for a route serving a stored image, run after the app's own headers: an image
 * needs no script, style or frame, whatever it holds.
 */
export async function imageOnlyHeaders(_req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.getHeader('content-type') === 'image/webp') {
    reply.header('content-security-policy', "default-src 'none'")
    reply.header('x-content-type-options', 'nosniff')
  }
  return payload
}

/**
 * A WebP image the platform re-encoded, with its ETag (a hash of the stored bytes): 304 when the
 * browser already holds it. `cacheControl` is the route's own rule (shared or private).
 */
export function sendStoredImage(
  req: FastifyRequest,
  reply: FastifyReply,
  stored: { image: Uint8Array; etag: string },
  cacheControl: string,
) {
  const etag = `"${stored.etag}"`
  reply.header('cache-control', cacheControl).header('etag', etag)
  if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send()
  return reply.type('image/webp').send(stored.image)
}
