import type { VNode } from 'preact'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { localDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import { ReportLink } from '../../../platform/views/ReportLink.tsx'
import type { Organisation } from '../organisation.repository.ts'
import type { MemberRole } from '../organisation.schema.ts'
import { AID_TYPE_LABEL, KIND_LABEL, STATUS_HINT, STATUS_LABEL } from './labels.ts'

interface Props {
  ctx: ViewContext
  organisation: Organisation
  communeName: string
  role: MemberRole | null
  sections: VNode[]
  mapTileUrl: string | null
  notice?: string | undefined
}

/** What kind of organisation, in words: « Structure d’aide – Banque alimentaire ». */
export function kindText(ctx: ViewContext, o: Pick<Organisation, 'kind' | 'aidType'>): string {
  const kind = ctx.t(KIND_LABEL[o.kind])
  return o.aidType ? `${kind} – ${ctx.t(AID_TYPE_LABEL[o.aidType])}` : kind
}

function Contact({ ctx, organisation: o }: { ctx: ViewContext; organisation: Organisation }) {
  const { t } = ctx
  if (o.contactKind === 'email')
    return (
      <p>
        {t('organisation.contactKind.email')} : <a href={`mailto:${o.contactValue}`}>{o.contactValue}</a>
      </p>
    )
  if (o.contactKind === 'phone')
    return (
      <p>
        {t('organisation.contactKind.phone')} : <PhoneLink e164={o.contactValue} />
      </p>
    )
  return (
    <p>
      {t('organisation.contactKind.website')} :{' '}
      <a href={o.contactValue} rel="nofollow noopener noreferrer">
        {o.contactValue}
      </a>
    </p>
  )
}

/**
 * An organisation's public page. The pin stands on its commune, never on an address; without
 * JavaScript (or without tiles) the commune's name says the same.
 */
export function OrganisationPage({
  ctx,
  organisation: o,
  communeName,
  role,
  sections,
  mapTileUrl,
  notice,
}: Props) {
  const { t } = ctx
  const base = `/organisations/${o.id}`
  return (
    <Layout
      ctx={ctx}
      title={o.name}
      scripts={mapTileUrl ? ['listings-map.js'] : []}
      styles={mapTileUrl ? ['leaflet.css'] : []}
    >
      {notice && <Confirmation text={notice} />}
      {o.hasLogo && (
        <img
          class="organisation-logo"
          src={`${base}/logo`}
          alt={t('organisation.logo.alt', { name: o.name })}
        />
      )}
      <h1>{o.name}</h1>
      <p class="result-meta">
        <span class="tag">{kindText(ctx, o)}</span> · {communeName}
      </p>
      {o.status === 'verified' && o.verifiedAt && (
        <p class="badge badge-verified">
          {t('organisation.verifiedOn', { date: localDay(o.verifiedAt, ctx.locale) })}
        </p>
      )}
      {o.status !== 'verified' && (
        <div class="notice">
          <p>
            <strong>{t(STATUS_LABEL[o.status])}</strong> – {t(STATUS_HINT[o.status])}
          </p>
          {o.statusReason && <p>{t('organisation.statusReason', { reason: o.statusReason })}</p>}
        </div>
      )}
      {role && (
        <nav class="actions" aria-label={t('organisation.manage.title')}>
          {role === 'manager' && <a href={`${base}/modifier`}>{t('organisation.manage.edit')}</a>}
          <a href={`${base}/membres`}>{t('organisation.manage.members')}</a>
          {role === 'manager' && <a href={`${base}/logo/modifier`}>{t('organisation.manage.logo')}</a>}
        </nav>
      )}
      {/* Anyone signed in may point out a problem with an organisation others see, but not its own people. */}
      {ctx.viewer && !role && o.status === 'verified' && (
        <p>
          <ReportLink ctx={ctx} target="organisation" id={o.id} />
        </p>
      )}
      <h2>{t('organisation.page.about')}</h2>
      <AuthorText text={o.description} />
      <h2>{t('organisation.page.contact')}</h2>
      <Contact ctx={ctx} organisation={o} />
      <h2 id="resultats">{t('organisation.page.where')}</h2>
      {mapTileUrl && (
        <figure class="results-map-figure">
          <div
            id="carte"
            class="results-map"
            data-tiles={mapTileUrl}
            data-label={t('organisation.map.label', { commune: communeName })}
            data-marker-label="{commune}"
          />
          <figcaption>{t('organisation.map.caption')}</figcaption>
        </figure>
      )}
      <ul class="results" aria-labelledby="resultats">
        <li
          data-lat={String(o.latitude)}
          data-lon={String(o.longitude)}
          data-title={o.name}
          data-href={base}
          data-commune={communeName}
        >
          {t('organisation.page.commune', { commune: communeName })}
        </li>
      </ul>
      {sections}
    </Layout>
  )
}
