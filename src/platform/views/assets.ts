import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the server serves the built files (scripts/build-client.mjs writes this address into them). */
export const ASSETS_PREFIX = '/static/assets/'
/** Written by scripts/build-client.mjs beside assets/: logical name → content-hashed file. */
export const MANIFEST_FILE = 'assets-manifest.json'

export type AssetManifest = Readonly<Record<string, string>>

/** The manifest of a built public folder; null when the client was never built there. */
export function readAssetManifest(publicDir: string): AssetManifest | null {
  try {
    return JSON.parse(readFileSync(join(publicDir, MANIFEST_FILE), 'utf8')) as AssetManifest
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

// Like the text catalogues, one per process: set when the app is built, read by every page.
let source: () => AssetManifest | null = () => null
let builtDir: string | null = null

/**
 * Where pages find the built files' names. `live` reads the manifest again on every page, so a
 * developer who rebuilds the client does not have to restart the server.
 */
export function useAssetManifest(publicDir: string, manifest: AssetManifest | null, live = false): void {
  source = live ? () => readAssetManifest(publicDir) : () => manifest
  builtDir = join(publicDir, 'assets')
}

/**
 * The address of a built file, by the name it has in src/client or the style sheets
 * (`js/commune-field.js`, `css/app.css`). Without a manifest (tests that never built the
 * client) the address keeps the logical name; with one, a name it lacks is a bug.
 */
export function assetUrl(name: string): string {
  const manifest = source()
  if (!manifest) return `${ASSETS_PREFIX}${name}`
  const hashed = manifest[name]
  if (!hashed) throw new Error(`${name} is not in ${MANIFEST_FILE}: run \`npm run build:client\``)
  return `${ASSETS_PREFIX}${hashed}`
}

/**
 * Where a built file lies on disk, for the one served under an address of its own (the service
 * worker must keep /sw.js); null when the client was never built.
 */
export function builtAssetFile(name: string): { path: string; url: string } | null {
  const hashed = source()?.[name]
  if (!hashed || !builtDir) return null
  return { path: join(builtDir, hashed), url: `${ASSETS_PREFIX}${hashed}` }
}
