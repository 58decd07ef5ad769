/**
 * What other domains may use of territories besides the tenant itself (its type and table): the
 * check that keeps a « retour » address on this site.
 */
export { safeReturnPath } from './territory.pages.tsx'
