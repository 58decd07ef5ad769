import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config.ts'
import { ASSETS_PREFIX, MANIFEST_FILE, readAssetManifest, useAssetManifest } from '../views/assets.ts'

/** Files kept under their own name (favicon, a territory's logo): a change must show within minutes. */
const PLAIN_FILE_MAX_AGE_SECONDS = 600

/**
 * /static/assets/: what the client build wrote, every name a hash of its content, so kept a year
 * by any cache and never asked again (`immutable`), in the .br or .gz copy the build made when
 * the browser takes one. /static/: the other public files, under their own names, kept briefly.
 */
export const staticFiles = fp(
  async (
    app: FastifyInstance,
    opts: { publicDir: string; env: Config['env']; requireBuiltClient: boolean },
  ) => {
    const manifest = readAssetManifest(opts.publicDir)
    // A page naming files that do not exist would show unstyled and without its scripts; better
    // that the server refuse to start. Apps built by tests never load the files.
    if (!manifest && opts.requireBuiltClient) {
      throw new Error(
        `${join(opts.publicDir, MANIFEST_FILE)} is missing: run \`npm run build:client\` before starting the server`,
      )
    }
    useAssetManifest(opts.publicDir, manifest, opts.env === 'development')
    if (manifest) {
      await app.register(fastifyStatic, {
        root: join(opts.publicDir, 'assets'),
        prefix: ASSETS_PREFIX,
        preCompressed: true,
        immutable: true,
        maxAge: '365d',
        index: false,
      })
    }
    await app.register(fastifyStatic, {
      root: opts.publicDir,
      prefix: '/static/',
      decorateReply: !manifest,
      maxAge: opts.env === 'development' ? 0 : PLAIN_FILE_MAX_AGE_SECONDS * 1000,
      index: false,
    })
  },
  { name: 'static-files' },
)
