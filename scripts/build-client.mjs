// Bundles the progressive-enhancement modules of src/client into public/js. Pages work
// without them; they only make forms quicker (autocomplete, maps).
import { cpSync, readdirSync } from 'node:fs'
import { build } from 'esbuild'

const entryPoints = readdirSync('src/client')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `src/client/${f}`)
await build({
  entryPoints,
  outdir: 'public/js',
  bundle: true,
  format: 'esm',
  target: ['es2020', 'safari14'],
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
})

// Leaflet's stylesheet and the marker images it refers to (images/…), served from /static/css.
cpSync('node_modules/leaflet/dist/leaflet.css', 'public/css/leaflet.css')
cpSync('node_modules/leaflet/dist/images', 'public/css/images', { recursive: true })
