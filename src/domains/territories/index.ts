/**
 * What other domains may use of territories: the home page's highlight, which a supply campaign
 * or the producers' directory sets and clears (the home page knows neither); and, for the app's
 * assembly, the stored logo its icons are drawn from.
 */
export {
  clearHomeHighlight,
  type HomeHighlight,
  homeHighlight,
  setHomeHighlight,
} from './highlight.repository.ts'
/** The type of a home page block another domain hands in through src/modules.ts. */
export type { HomeSection } from './home-sections.ts'
/** The territory's logo as stored (re-encoded WebP), or null: the app's icons are drawn from it. */
export { territoryLogoImage } from './territory-logo.repository.ts'
