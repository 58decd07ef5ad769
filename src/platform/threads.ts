import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ResourceLimits, Worker } from 'node:worker_threads'

/**
 * Starts a worker thread on a module, `.ts` in development and tests or `.js` once compiled (the
 * build rewrites `new URL('./x.ts', import.meta.url)` to the `.js` beside it). On Node 20 a worker
 * thread gets neither the loader hooks of its parent nor those its own `--import` or `register()`
 * would add, so a TypeScript worker is first compiled to one JavaScript file (`compiledWorker`).
 */
export function startModuleWorker(url: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const file = url.pathname.endsWith('.ts') ? compiledWorker(url) : url
  return new Worker(file, { workerData, resourceLimits })
}

const cacheDir = fileURLToPath(new URL('../../.cache/workers/', import.meta.url))
const compiled = new Map<string, string>()

/**
 * The worker's TypeScript and the project files it imports as one JavaScript file, packages left
 * to Node, kept in `.cache/workers` under a name that changes with its content. Loading it
 * through tsx instead made every thread start tsx and its transpiler again: about half a second
 * a thread, which the tests paid for every database they opened. esbuild is already what tsx
 * and the build use.
 */
function compiledWorker(url: URL): string {
  const known = compiled.get(url.href)
  if (known) return known
  // Loaded only here: a compiled server never needs the bundler.
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild')
  const result = buildSync({
    entryPoints: [fileURLToPath(url)],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
  const file = join(cacheDir, `${basename(url.pathname, '.ts')}-${hash}.mjs`)
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true })
    // Several processes may write the same file: each writes its own and renames it in place.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
    writeFileSync(partial, code)
    renameSync(partial, file)
  }
  compiled.set(url.href, file)
  return file
}
