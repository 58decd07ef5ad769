import { type ResourceLimits, Worker } from 'node:worker_threads'

/**
 * Starts a worker thread on a module, `.ts` under tsx (development, tests) or `.js` once compiled
 * (the build rewrites `new URL('./x.ts', import.meta.url)` to the `.js` beside it). On Node 20 a
 * worker thread gets neither the loader hooks of its parent nor those its own `--import` or
 * `register()` would add, so a TypeScript module is loaded through tsx's `tsImport` from a small
 * script.
 */
export function startModuleWorker(url: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, resourceLimits })
  const api = import.meta.resolve('tsx/esm/api')
  const script = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`
  return new Worker(script, { eval: true, workerData, resourceLimits })
}
