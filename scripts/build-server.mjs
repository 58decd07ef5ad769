// Compiles the server's TypeScript (src/, the browser modules of src/client excepted) to dist/
// as ESM JavaScript with source maps, one output file per source file, so that production
// starts plain JavaScript with no transpiler loaded. Each file keeps its place in the tree
// (dist/platform/db/migrate.js for src/platform/db/migrate.ts), so paths resolved from
// import.meta.url (migrations, data, public) and worker entry files are found from dist as from src.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build } from 'esbuild'

const SOURCE = 'src'
const OUT = 'dist'

/** Every non-test .ts/.tsx file: any of them may be an entry (server, CLI, a worker thread). */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return path === join(SOURCE, 'client') ? [] : sources(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : []
  })
}

/**
 * Bundling is on only so that esbuild hands us each import: every relative one stays an
 * import of the sibling output file (`./x.ts` becomes `./x.js`), every package stays external,
 * so each output file is its source file transpiled and nothing is inlined twice.
 */
const siblingImports = {
  name: 'sibling-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: args.path.replace(/\.tsx?$/, '.js'), external: true },
    )
  },
}

/** `new URL('./worker.ts', import.meta.url)` (a worker's entry) must name the compiled file too. */
const SOURCE_URL = /(new URL\(\s*(["'`])\.{1,2}\/[^"'`]*?)\.tsx?(\2\s*,\s*import\.meta\.url\s*\))/g

const started = performance.now()
rmSync(OUT, { recursive: true, force: true })
const entryPoints = sources(SOURCE)
const result = await build({
  entryPoints,
  outdir: OUT,
  outbase: SOURCE,
  bundle: true,
  packages: 'external',
  plugins: [siblingImports],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
})
let rewritten = 0
for (const file of Object.keys(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue
  const text = readFileSync(file, 'utf8')
  const fixed = text.replace(SOURCE_URL, '$1.js$3')
  if (fixed !== text) {
    writeFileSync(file, fixed)
    rewritten++
  }
}
// The CLI launcher compares this with the sources' times to refuse a stale build.
writeFileSync(join(OUT, '.built'), `${new Date().toISOString()}\n`)
console.log(
  `server compiled: ${entryPoints.length} files to ${relative('.', OUT)}/` +
    `${rewritten ? ` (${rewritten} with a worker URL)` : ''} in ${Math.round(performance.now() - started)} ms`,
)
