// Bundles the progressive-enhancement modules of src/client and the style sheets into
// public/assets. Pages work without them; they only make forms quicker (autocomplete, maps).
//
// Every file written there is named after a hash of its content, so the server may tell
// browsers and CDNs to keep it for a year: a change gives a new name, never a stale file.
// public/assets-manifest.json maps the names pages ask for (js/commune-field.js) to those
// files; the server reads it at boot. Compressible files also get .br and .gz copies made
// once here at the highest levels, so no request pays for compressing them.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** The URL the server serves outDir under (src/platform/http/static-files.ts). */
const PUBLIC_PATH = '/static/assets/'
// Source maps are left plain: only developer tools fetch them.
const COMPRESSIBLE = /\.(js|css|svg|json)$/
// Below this a compressed copy saves less than the headers it costs.
const MIN_COMPRESS_BYTES = 1024

/**
 * @param {{ scripts?: string, styles?: Record<string, string>, publicDir?: string }} [options]
 *   scripts: folder of entry modules (*.ts); styles: logical name → style sheet; publicDir:
 *   where assets/ and assets-manifest.json are written.
 * @returns {Promise<Record<string, string>>} the manifest: logical name → hashed path under assets/
 */
export async function buildClient({
  scripts = 'src/client',
  styles = { app: 'public/css/app.css', leaflet: 'node_modules/leaflet/dist/leaflet.css' },
  publicDir = 'public',
} = {}) {
  const outDir = join(publicDir, 'assets')
  const entries = [
    ...readdirSync(scripts)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
      .map((f) => ({
        in: join(scripts, f),
        out: `js/${basename(f, '.ts')}`,
        logical: `js/${basename(f, '.ts')}.js`,
      })),
    ...Object.entries(styles).map(([name, file]) => ({
      in: file,
      out: `css/${name}`,
      logical: `css/${name}.css`,
    })),
  ]
  // Files of earlier builds would otherwise pile up under names nothing refers to any more.
  rmSync(outDir, { recursive: true, force: true })
  const result = await build({
    entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
    outdir: outDir,
    entryNames: '[dir]/[name]-[hash]',
    // Leaflet's marker and layer images, referred to by leaflet.css and by the map module.
    assetNames: 'img/[name]-[hash]',
    publicPath: PUBLIC_PATH,
    loader: { '.png': 'file', '.svg': 'file' },
    bundle: true,
    format: 'esm',
    target: ['es2020', 'safari14'],
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  })

  const logicalOf = new Map(entries.map((e) => [relative(process.cwd(), resolve(e.in)), e.logical]))
  /** @type {Record<string, string>} */
  const manifest = {}
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    const logical = meta.entryPoint && logicalOf.get(relative(process.cwd(), resolve(meta.entryPoint)))
    if (logical) manifest[logical] = relative(outDir, output).split('\\').join('/')
  }
  for (const e of entries) if (!manifest[e.logical]) throw new Error(`no output for ${e.in}`)

  for (const output of Object.keys(result.metafile.outputs)) {
    if (!COMPRESSIBLE.test(output) || statSync(output).size < MIN_COMPRESS_BYTES) continue
    const plain = readFileSync(output)
    const br = brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    })
    const gz = gzipSync(plain, { level: constants.Z_BEST_COMPRESSION })
    if (br.length < plain.length) writeFileSync(`${output}.br`, br)
    if (gz.length < plain.length) writeFileSync(`${output}.gz`, gz)
  }

  mkdirSync(publicDir, { recursive: true })
  // Written last: a server never reads a manifest naming files not yet written.
  writeFileSync(join(publicDir, 'assets-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildClient()
}
