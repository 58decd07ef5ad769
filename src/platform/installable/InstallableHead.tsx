import type { Territory } from '../tenancy/territory.ts'
import { assetUrl } from '../views/assets.ts'
import { iconUrl, TOUCH_ICON } from './manifest.ts'

/**
 * What every page of a territory adds to its head to be installable: the manifest, the colour of
 * the browser's bar, Safari's home-screen icon, and the module that registers the service worker
 * (nothing without JavaScript).
 */
export function InstallableHead({ territory }: { territory: Territory }) {
  return (
    <>
      <link rel="manifest" href="/manifest.webmanifest" />
      <meta name="theme-color" content={territory.primaryColor} />
      <link rel="apple-touch-icon" sizes="180x180" href={iconUrl(territory, TOUCH_ICON)} />
      <script type="module" src={assetUrl('js/install.js')} />
    </>
  )
}
