import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { FILES, LICENCE_URL } from '../open-data.ts'
import { monthName } from './labels.ts'

const LINKS: { key: MessageKey; href: string }[] = [
  { key: 'openData.file.csv', href: FILES.csv },
  { key: 'openData.file.json', href: FILES.json },
  { key: 'openData.file.schema', href: FILES.schema },
  { key: 'openData.file.catalogue', href: FILES.catalogue },
]

/** The open data's door: its files, its licence and how the figures are made. */
export function OpenDataPage({
  ctx,
  territory,
  months,
  origin,
}: {
  ctx: ViewContext
  territory: Territory
  months: string[]
  /** 'https://host': the files' addresses are written out on paper */
  origin: string
}) {
  const { t, locale } = ctx
  const first = months[0]
  const last = months.at(-1)
  return (
    <Layout ctx={ctx} title={t('openData.title')}>
      <h1>{t('openData.title')}</h1>
      <p class="lead">
        {t('openData.intro', { platform: territory.platformName, publisher: territory.officialName })}
      </p>
      <p>
        {first && last
          ? t('openData.period', { from: monthName(first, locale), to: monthName(last, locale) })
          : t('bilan.empty')}
      </p>
      <h2>{t('openData.files')}</h2>
      <ul>
        {LINKS.map((l) => (
          <li key={l.href}>
            <a href={`${origin}${l.href}`}>{t(l.key)}</a>
          </li>
        ))}
      </ul>
      <h2>{t('openData.licence')}</h2>
      <p>
        <a href={LICENCE_URL}>{t('openData.licence.link')}</a>. {t('openData.licence.text')}
      </p>
      <h2>{t('bilan.method')}</h2>
      <p>
        {t('bilan.method.counted')} {t('bilan.method.hidden')}
      </p>
      <p>
        <a href="/bilan">{t('openData.bilanLink')}</a>
      </p>
    </Layout>
  )
}
