import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * No inline script or style anywhere, so the policy can forbid them: an injected
 * <script> cannot run even if escaping ever failed.
 */
export const securityHeaders = fp(
  async (app: FastifyInstance, opts: { https: boolean }) => {
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      // Logos and map tiles may come from the territory's own servers; images cannot run code.
      "img-src 'self' data: https:",
      "connect-src 'self'",
      "font-src 'self'",
      // the service worker (/sw.js) and the web app manifest, from this origin only
      "worker-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ')
    app.addHook('onSend', async (req, reply) => {
      reply.header('X-Content-Type-Options', 'nosniff')
      reply.header('Referrer-Policy', 'strict-origin-when-cross-origin')
      reply.header('X-Frame-Options', 'DENY')
      reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self), payment=(), usb=()')
      reply.header('Cross-Origin-Opener-Policy', 'same-origin')
      if (!req.url.startsWith('/api/docs')) reply.header('Content-Security-Policy', csp)
      if (opts.https) reply.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
    })
  },
  { name: 'security-headers' },
)
