import { translator } from '../../platform/i18n/i18n.ts'
import type { OrganisationSection } from '../organisations/index.ts'

/**
 * The organisation page's block for a producer: its managers reach the producer page they fill,
 * everyone the public one once verified. Organisations never import producers: src/modules.ts
 * hands it in.
 */
export const producersSection: OrganisationSection = () => async (context) => {
  const { organisation, locale, manages } = context
  const t = translator(locale)
  // The Chambre d'agriculture's managers reach the producers it is delegated to verify from here.
  if (organisation.kind === 'partner' && manages && organisation.status === 'verified')
    return (
      <section aria-labelledby="verification-producteurs">
        <h2 id="verification-producteurs">{t('producers.section.partnerTitle')}</h2>
        <p>
          <a href={`/organisations/${organisation.id}/verifications`}>
            {t('producers.section.partnerQueue')}
          </a>
        </p>
      </section>
    )
  if (organisation.kind !== 'producer') return null
  if (!manages && organisation.status !== 'verified') return null
  return (
    <section aria-labelledby="producteur">
      <h2 id="producteur">{t('producers.section.title')}</h2>
      <ul>
        {manages && (
          <li>
            <a href={`/organisations/${organisation.id}/producteur`}>{t('producers.section.manage')}</a>
          </li>
        )}
        <li>
          <a href={`/producteurs/${organisation.id}`}>{t('producers.section.public')}</a>
        </li>
      </ul>
    </section>
  )
}
