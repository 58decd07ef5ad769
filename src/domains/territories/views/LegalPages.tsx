import type { ComponentChildren } from 'preact'
import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import { dateTimeFormat } from '../../../platform/i18n/intl.ts'
import { accessibilityStatus } from '../../../platform/tenancy/accessibility-status.ts'
import type { LegalDetailKey } from '../../../platform/tenancy/territory.schema.ts'
import { localised, type Territory } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { Paragraphs } from './Paragraphs.tsx'
import { SETTINGS_LABELS, SETTINGS_PATH } from './TerritorySettingsPage.tsx'

interface Props {
  ctx: ViewContext
  territory: Territory
}

/**
 * A sentence with parts that are elements (a detail, a link): the text's other placeholders were
 * filled by the translator; those named in `parts` are cut out and the elements put in their place.
 */
function rich(text: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return text.split(/\{(\w+)\}/).map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece))
}

/**
 * One legal detail as the territory wrote it. Missing, it says so: to the team, « À compléter »
 * with a link to the field in the settings; to a visitor, « non renseigné », never a broken sentence.
 */
function Detail({ ctx, territory, field }: Props & { field: LegalDetailKey }) {
  const value = territory.legalDetails[field]
  if (value) return <>{field.endsWith('Date') ? day(value, ctx.locale) : value}</>
  if (ctx.viewer?.staff) {
    const label = ctx.t(SETTINGS_LABELS[field].label)
    return (
      <mark class="to-complete">
        <a href={`${SETTINGS_PATH}#${field}`}>{ctx.t('legal.toComplete', { field: label })}</a>
      </mark>
    )
  }
  return <em>{ctx.t('legal.missing')}</em>
}

const day = (iso: string, locale: 'fr' | 'en') =>
  dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  )

function LegalLayout({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext
  title: MessageKey
  children: ComponentChildren
}) {
  return (
    <Layout ctx={ctx} title={ctx.t(title)}>
      <h1>{ctx.t(title)}</h1>
      <div class="prose">{children}</div>
    </Layout>
  )
}

const TITLES = {
  legal: 'legal.title',
  privacy: 'privacy.title',
  accessibility: 'accessibility.title',
} as const satisfies Record<string, MessageKey>

const Email = ({ territory }: { territory: Territory }) => (
  <a href={`mailto:${territory.contactEmail}`}>{territory.contactEmail}</a>
)

export function LegalNoticePage({ ctx, territory }: Props) {
  const { t } = ctx
  const d = (field: LegalDetailKey) => <Detail ctx={ctx} territory={territory} field={field} />
  const more = localised(territory.legalNotice, ctx.locale)
  return (
    <LegalLayout ctx={ctx} title={TITLES.legal}>
      <h2>{t('legal.publisher.title')}</h2>
      <p>{t('legal.publisher.text')}</p>
      <ul>
        <li>{rich(t('legal.address'), { address: d('publisherAddress') })}</li>
        <li>
          {t('legal.contact')} <Email territory={territory} />
        </li>
        {territory.institutionUrl && (
          <li>
            {t('legal.site')} <a href={territory.institutionUrl}>{territory.institutionUrl}</a>
          </li>
        )}
      </ul>
      <h2>{t('legal.director.title')}</h2>
      <p>{d('publicationDirector')}</p>
      <h2>{t('legal.host.title')}</h2>
      <p>{rich(t('legal.host.text'), { name: d('hostName'), address: d('hostAddress') })}</p>
      <h2>{t('legal.software.title')}</h2>
      <p>{t('legal.software.text')}</p>
      {more && (
        <>
          <h2>{t('legal.more.title')}</h2>
          <Paragraphs text={more} />
        </>
      )}
    </LegalLayout>
  )
}

const RETENTION: [MessageKey, LegalDetailKey][] = [
  ['privacy.data.accounts', 'retentionAccounts'],
  ['privacy.data.listings', 'retentionListings'],
  ['privacy.data.messages', 'retentionMessages'],
  ['privacy.data.phone', 'retentionPhone'],
]

export function PrivacyPage({ ctx, territory }: Props) {
  const { t } = ctx
  const d = (field: LegalDetailKey) => <Detail ctx={ctx} territory={territory} field={field} />
  return (
    <LegalLayout ctx={ctx} title={TITLES.privacy}>
      <h2>{t('privacy.controller.title')}</h2>
      <p>{t('privacy.controller.text')}</p>
      <ul>
        <li>{rich(t('legal.address'), { address: d('publisherAddress') })}</li>
        <li>
          {t('legal.contact')} <Email territory={territory} />
        </li>
      </ul>
      <h2>{t('privacy.purposes.title')}</h2>
      <ul>
        <li>{t('privacy.purpose.match')}</li>
        <li>{t('privacy.purpose.phone')}</li>
        <li>{t('privacy.purpose.safety')}</li>
        <li>{t('privacy.purpose.figures')}</li>
      </ul>
      <h2>{t('privacy.basis.title')}</h2>
      <p>{t('privacy.basis.text')}</p>
      <h2>{t('privacy.data.title')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t('privacy.data.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.data.what')}</th>
              <th scope="col">{t('privacy.data.kept')}</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION.map(([what, field]) => (
              <tr key={field}>
                <th scope="row">{t(what)}</th>
                <td>{d(field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('privacy.recipients.title')}</h2>
      <p>{t('privacy.recipients.text')}</p>
      <h2>{t('privacy.dpo.title')}</h2>
      <p>{rich(t('privacy.dpo.text'), { contact: d('dpoContact') })}</p>
      <h2>{t('privacy.rights.title')}</h2>
      <p>{rich(t('privacy.rights.text'), { email: <Email territory={territory} /> })}</p>
      <h2>{t('privacy.complaint.title')}</h2>
      <p>
        {t('privacy.complaint.text')}{' '}
        <a href="https://www.cnil.fr/fr/plaintes">{t('privacy.complaint.link')}</a>{' '}
        {t('privacy.complaint.address')}
      </p>
    </LegalLayout>
  )
}

const STATUS = {
  none: 'accessibility.status.none',
  partial: 'accessibility.status.partial',
  full: 'accessibility.status.full',
} as const

export function AccessibilityPage({ ctx, territory }: Props) {
  const { t } = ctx
  const d = (field: LegalDetailKey) => <Detail ctx={ctx} territory={territory} field={field} />
  const details = territory.legalDetails
  const audited = Boolean(details.auditDate && details.auditRate)
  const rate = details.auditRate
    ? Number(details.auditRate).toLocaleString(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB')
    : ''
  return (
    <LegalLayout ctx={ctx} title={TITLES.accessibility}>
      <p>{t('accessibility.commitment')}</p>
      <h2>{t('accessibility.status.title')}</h2>
      <p>{t(STATUS[accessibilityStatus(details)])}</p>
      <h2>{t('accessibility.results.title')}</h2>
      <p>
        {audited
          ? rich(t('accessibility.results.audit', { rate }), { date: d('auditDate'), auditor: d('auditor') })
          : t('accessibility.results.none')}
      </p>
      <h2>{t('accessibility.derogations.title')}</h2>
      <p>{d('derogations')}</p>
      <h2>{t('accessibility.method.title')}</h2>
      <p>{rich(t('accessibility.method.date'), { date: d('statementDate') })}</p>
      <p>{t('accessibility.method.tech')}</p>
      <p>{t('accessibility.method.checks')}</p>
      <h2>{t('accessibility.feedback.title')}</h2>
      <p>{rich(t('accessibility.feedback.text'), { email: <Email territory={territory} /> })}</p>
      <h2>{t('accessibility.remedy.title')}</h2>
      <p>{t('accessibility.remedy.text')}</p>
      <ul>
        <li>
          <a href="https://formulaire.defenseurdesdroits.fr/">{t('accessibility.remedy.form')}</a>
        </li>
        <li>
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues">{t('accessibility.remedy.delegate')}</a>
        </li>
        <li>{t('accessibility.remedy.post')}</li>
      </ul>
    </LegalLayout>
  )
}
