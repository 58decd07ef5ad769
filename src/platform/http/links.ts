import type { FastifyRequest } from 'fastify'
import { normaliseHost, type Territory } from '../tenancy/territory.ts'

/**
 * The address to put in an email link. Only a host name the territory really owns is used:
 * with a default territory any Host header is served, and a forged one must never end up in a
 * password-reset link.
 */
export function linkBase(req: FastifyRequest, publicUrl: string | undefined): string {
  const territory = req.territory
  const scheme = publicUrl ? new URL(publicUrl).protocol.replace(':', '') : req.protocol
  // req.host keeps the port the browser used (a development server on :3000).
  if (territory?.hostnames.includes(normaliseHost(req.host))) return `${scheme}://${req.host}`
  if (publicUrl) return publicUrl
  return `${scheme}://${territory?.hostnames[0] ?? 'localhost'}`
}

/** The address for links in mail written outside a request (jobs): the territory's own host. */
export function territoryBaseUrl(publicUrl: string | undefined, territory: Territory): string {
  const scheme = publicUrl ? new URL(publicUrl).protocol : 'https:'
  if (publicUrl && territory.hostnames.includes(new URL(publicUrl).hostname)) return publicUrl
  return `${scheme}//${territory.hostnames[0] ?? 'localhost'}`
}
