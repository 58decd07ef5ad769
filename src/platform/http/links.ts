import type { FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { normaliseHost, type Territory } from '../tenancy/territory.ts'

/** What deciding a link's address needs of the configuration. */
export type LinkConfig = Pick<Config, 'env' | 'port' | 'publicUrl'>

/**
 * The address to put in an email link. Only a host name the territory really owns is used:
 * with a default territory any Host header is served, and a forged one must never end up in a
 * password-reset link.
 */
export function linkBase(req: FastifyRequest, config: LinkConfig): string {
  const territory = req.territory
  const scheme = config.publicUrl ? new URL(config.publicUrl).protocol.replace(':', '') : req.protocol
  // req.host keeps the port the browser used (a development server on :3000).
  if (territory?.hostnames.includes(normaliseHost(req.host))) return `${scheme}://${req.host}`
  if (territory) return territoryBaseUrl(config, territory)
  return config.publicUrl ?? `${scheme}://localhost`
}

/**
 * The address for links in mail written outside a request (jobs): PUBLIC_URL when it names one of
 * the territory's own hosts, else the territory's first host. A development server without
 * PUBLIC_URL serves plain HTTP on its own port, so its links say both (http://127.0.0.1:3000):
 * a link without the port leads nowhere.
 */
export function territoryBaseUrl(config: LinkConfig, territory: Territory): string {
  const { publicUrl } = config
  if (publicUrl && territory.hostnames.includes(normaliseHost(new URL(publicUrl).host))) return publicUrl
  const host = territory.hostnames[0] ?? 'localhost'
  if (config.env === 'development' && !publicUrl) return `http://${host}:${config.port}`
  const scheme = publicUrl ? new URL(publicUrl).protocol : 'https:'
  return `${scheme}//${host}`
}
