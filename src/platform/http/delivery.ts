import { constants } from 'node:zlib'
import compress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config.ts'
import { cacheHeaders } from './cache-policy.ts'
import { type PageCache, pageCacheStore } from './page-cache.ts'
import { staticFiles } from './static-files.ts'

/**
 * How responses travel: static files first (their compressed copies are made at build time, so
 * they stay out of on-the-fly compression), then compression of every route registered after
 * this plugin, then the cache headers of every response. Registered after the CSRF plugin,
 * before the routes.
 */
export const delivery = fp(
  async (
    app: FastifyInstance,
    opts: { publicDir: string; env: Config['env']; requireBuiltClient: boolean; pageCache: PageCache },
  ) => {
    await app.register(staticFiles, opts)
    // before compression: the copy kept is the page, each visitor gets it in their encoding
    await app.register(pageCacheStore, { cache: opts.pageCache })
    await app.register(compress, {
      encodings: ['br', 'gzip'],
      // Smaller than about a packet, compressing saves nothing worth the work.
      threshold: 1024,
      // A page (16 KB for 200 listings) takes about 0.5 ms to compress in the request itself; the
      // default on two cores (8 KB) sends it through zlib's thread pool instead, which made br
      // pages ×1.8 slower than plain ones under load against ×1.0 in line (bench/delivery.ts).
      syncThreshold: 64 * 1024,
      // Quality 4: near gzip -9 in size for a fraction of the time; 11 is for files built once.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
      // No request body comes compressed from a browser; inflating them would only invite zip bombs.
      globalDecompression: false,
    })
    await app.register(cacheHeaders)
  },
  { name: 'delivery', dependencies: ['csrf'] },
)
