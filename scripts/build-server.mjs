// Compiles the server's TypeScript (src/, the browser modules of src/client excepted) to dist/
// as ESM JavaScript with source maps, so that production starts plain JavaScript with no
// transpiler loaded. The project's modules and most packages are bundled: one file per entry (the
// server, the CLI, each worker thread) and shared chunks. Loaded one file each, the start read
// about 2,000 modules (470 of them ours), and their lookups, reads and module records cost it
// about a second before any of their code ran (docs/ARCHITECTURE.md, « Start and memory »).
//
// Code that finds files from its own place (`new URL('../../../data/communes.json',
// import.meta.url)`: migrations, data, public, a worker's entry) sees the place its source file
// would have in dist/ (dist/platform/db/migrate.js for src/platform/db/migrate.ts), wherever the
// bundle put its code: each `import.meta.url` of a source file is rewritten to that URL.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { build } from 'esbuild'

const SOURCE = 'src'
const OUT = 'dist'

/** Every non-test .ts file outside the browser's modules. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return path === join(SOURCE, 'client') ? [] : sources(path)
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : []
  })
}

/** `new URL('./worker.ts', import.meta.url)`: a worker's entry, which must name the compiled file. */
const SOURCE_URL = /(new URL\(\s*(["'`])(\.{1,2}\/[^"'`]*?))\.ts(\2\s*,\s*import\.meta\.url\s*\))/g
/** Replaced in each output file by the way from that file's folder to dist/. */
const ROOT_MARK = '__ENTRAIDE_DIST_ROOT__'

const all = sources(SOURCE)
// A thread's entry is named `*-worker.ts` (platform/threads.ts starts it from its compiled file).
const workers = all.filter((file) => file.endsWith('-worker.ts'))
const entryPoints = [join(SOURCE, 'server.ts'), join(SOURCE, 'cli.ts'), ...workers]

const ownPlace = {
  name: 'own-place',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      const place = relative(SOURCE, args.path).split(sep).join('/').replace(/\.ts$/, '.js')
      const contents = source
        .replace(SOURCE_URL, '$1.js$4')
        .replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(`${ROOT_MARK}/${place}`)}, import.meta.url).href`,
        )
      return { contents, loader: 'ts' }
    })
  },
}

/**
 * Packages Node loads from node_modules as before, whatever imports them: native or WebAssembly
 * code with files of its own beside it (PGlite, sharp, argon2, HiGHS, esbuild), packages that
 * read files from their own folder (Swagger and its UI, pino's transports), and large ones loaded
 * only at their first use (ExcelJS, the charts, the password dictionaries, QR codes, mail, push,
 * metrics), which would otherwise be copied into a chunk. Every other package is bundled: its
 * many small files were most of the modules the start loaded one by one.
 */
const KEPT_OUT = new Set([
  '@electric-sql/pglite',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  '@node-rs/argon2',
  '@observablehq/plot',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-fr',
  'esbuild',
  'exceljs',
  'highs',
  'linkedom',
  'nodemailer',
  'pg-native',
  'pino',
  'prom-client',
  'qrcode',
  'sharp',
  'tsx',
  'web-push',
])
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/')
const packagesBundled = {
  name: 'packages-bundled',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('node:') || KEPT_OUT.has(packageName(args.path))
        ? { path: args.path, external: true }
        : undefined,
    )
  },
}

const started = performance.now()
rmSync(OUT, { recursive: true, force: true })
const result = await build({
  entryPoints,
  outdir: OUT,
  outbase: SOURCE,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  plugins: [ownPlace, packagesBundled],
  // Bundled CommonJS code requires what stays outside (Node's modules, the packages above) with
  // `require`, which an ES module has not: each output file gets one of its own.
  banner: {
    js: "import { createRequire as __entraideRequire } from 'node:module'; const require = __entraideRequire(import.meta.url);",
  },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Stack traces need the mappings, not a copy of every source file kept in memory.
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
})
for (const file of Object.keys(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue
  const text = readFileSync(file, 'utf8')
  if (!text.includes(ROOT_MARK)) continue
  const root = relative(dirname(file), OUT).split(sep).join('/') || '.'
  writeFileSync(file, text.replaceAll(ROOT_MARK, root))
}
// The CLI launcher compares this with the sources' times to refuse a stale build.
writeFileSync(join(OUT, '.built'), `${new Date().toISOString()}\n`)
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))
console.log(
  `server compiled: ${all.length} files to ${outputs.length} in ${relative('.', OUT)}/ ` +
    `(${workers.length} worker threads) in ${Math.round(performance.now() - started)} ms`,
)
