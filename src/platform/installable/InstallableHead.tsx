import type { Territory } from '../tenancy/territory.ts'
import { assetUrl } from '../views/assets.ts'

/**
 * What every page of a territory adds to its head to be installable: the manifest, the colour of
 * the browser's bar, and the module that registers the service worker (nothing without JavaScript).
 */
export function InstallableHead({ territory }: { territory: Territory }) {
  return (
    <>
      <link rel="manifest" href="/manifest.webmanifest" />
      <meta name="theme-color" content={territory.primaryColor} />
      <script type="module" src={assetUrl('js/install.js')} />
    </>
  )
}
