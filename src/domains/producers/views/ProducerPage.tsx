import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import type { OrganisationCard } from '../../organisations/index.ts'
import type { Place, Product, Profile } from '../producer.repository.ts'
import { productFamilies } from '../producer.schema.ts'
import { openTodayUntil } from '../producer.ts'
import type { PhotoRef } from '../producer-photo.repository.ts'
import { FAMILY_LABEL, MODE_LABEL, QUALITY_LABEL } from './labels.ts'
import { hourRow, photoUrl, seasonText, timeText } from './words.ts'

interface Props {
  ctx: ViewContext
  card: OrganisationCard
  commune: { name: string }
  profile: Profile | null
  products: Product[]
  places: (Place & { commune: { name: string } })[]
  photos: PhotoRef[]
  today: { weekday: number; time: string }
  /** the viewer manages it: a link to change it */
  manages: boolean
  notice?: string | undefined
}

function Contact({ card }: { card: OrganisationCard }) {
  const { kind, value } = card.contact
  if (kind === 'email') return <a href={`mailto:${value}`}>{value}</a>
  if (kind === 'phone') return <PhoneLink e164={value} />
  if (!/^https?:\/\//i.test(value)) return <span>{value}</span>
  return (
    <a href={value} rel="noopener nofollow">
      {value}
    </a>
  )
}

/** A producer's public page: products by family and season, labels, places with hours, contact, photos. */
export function ProducerPage(props: Props) {
  const { ctx, card, commune, profile, products, places, photos, today, manages, notice } = props
  const { t } = ctx
  const families = productFamilies.filter((f) => products.some((p) => p.family === f))
  return (
    <Layout ctx={ctx} title={card.name}>
      {notice && <Confirmation text={notice} />}
      {card.status !== 'verified' && (
        <div class="notice" role="note">
          <p>{t('producers.page.notVerified')}</p>
        </div>
      )}
      <h1>{card.name}</h1>
      <p class="result-meta">{commune.name}</p>
      {manages && (
        <p>
          <a href={`/organisations/${card.id}/producteur`}>{t('producers.page.manage')}</a>
        </p>
      )}
      {profile?.presentation && <AuthorText text={profile.presentation} />}
      {profile && profile.labels.length > 0 && (
        <>
          <h2>{t('producers.page.labels')}</h2>
          <ul>
            {profile.labels.map((l) => (
              <li key={l}>{t(QUALITY_LABEL[l])}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('producers.page.products')}</h2>
      {families.map((f) => (
        <section key={f} aria-labelledby={`famille-${f}`}>
          <h3 id={`famille-${f}`}>{t(FAMILY_LABEL[f])}</h3>
          <ul>
            {products
              .filter((p) => p.family === f)
              .map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong> – {seasonText(ctx, p.months)}
                  {p.labels.length > 0 && ` (${p.labels.map((l) => t(QUALITY_LABEL[l])).join(', ')})`}
                  {p.description && <AuthorText text={p.description} />}
                </li>
              ))}
          </ul>
        </section>
      ))}
      <h2>{t('producers.page.places')}</h2>
      <p>{t('producers.page.noSales')}</p>
      {places.map((p) => {
        const until = openTodayUntil(p.hours, today)
        return (
          <section key={p.id} class="producer-place" aria-labelledby={`lieu-${p.id}`}>
            <h3 id={`lieu-${p.id}`}>{p.name}</h3>
            <p>
              {t(MODE_LABEL[p.mode])} · {p.commune.name}
              {p.address && ` · ${p.address}`}
            </p>
            {p.mode === 'delivery' && p.radiusKm && (
              <p>{t('producers.page.delivery', { km: p.radiusKm, commune: p.commune.name })}</p>
            )}
            <p class="open-today">
              <strong>
                {until
                  ? t('producers.page.openToday', { time: timeText(ctx, until) })
                  : t('producers.page.closedToday')}
              </strong>
            </p>
            {p.hours.length > 0 && (
              <ul>
                {p.hours.map((h) => (
                  <li
                    key={`${h.weekday}-${h.opens}`}
                    class={h.weekday === today.weekday ? 'today' : undefined}
                  >
                    {hourRow(ctx, h)}
                    {h.weekday === today.weekday && <strong> ({t('producers.page.today')})</strong>}
                  </li>
                ))}
              </ul>
            )}
            {p.details && <AuthorText text={p.details} />}
          </section>
        )
      })}
      <h2>{t('producers.page.contact')}</h2>
      <p>
        <Contact card={card} />
      </p>
      {photos.length > 0 && (
        <>
          <h2>{t('producers.page.photos')}</h2>
          <ul class="producer-photos">
            {photos.map((p) => (
              <li key={p.id}>
                <img
                  src={photoUrl(card.id, p)}
                  alt={p.alt}
                  width={p.width}
                  height={p.height}
                  loading="lazy"
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  )
}
