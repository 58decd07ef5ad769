import type { VNode } from 'preact'
import { localised, type Territory } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { HomeHighlight } from '../highlight.repository.ts'
import { HelpLineBlock } from './HelpLineBlock.tsx'
import { Paragraphs } from './Paragraphs.tsx'

export function HomePage({
  ctx,
  territory,
  highlight,
  helpPoints,
  sections = [],
}: {
  ctx: ViewContext
  territory: Territory
  highlight: HomeHighlight | null
  /** how many help points the territory lists */
  helpPoints: number
  /** blocks other domains bring (a crisis's categories), near the top; null ones show nothing */
  sections?: (VNode | null)[]
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{territory.platformName}</h1>
      <p class="lead">{t('home.intro')}</p>
      {sections}
      {highlight && (
        <section class="highlight" aria-labelledby="a-la-une">
          <h2 id="a-la-une">{t('home.highlight')}</h2>
          <p class="highlight-title">
            <a href={highlight.href}>{highlight.title}</a>
          </p>
          <p>{highlight.text}</p>
        </section>
      )}
      <Paragraphs text={localised(territory.presentation, locale)} />
      <h2 id="portes">{t('home.doors')}</h2>
      <ul class="doors" aria-labelledby="portes">
        <li>
          <a class="door door-need" href="/besoin-d-aide">
            <span class="door-title">{t('shell.needHelp')}</span>
            <span class="door-hint">{t('home.needHelp.hint')}</span>
          </a>
        </li>
        <li>
          <a class="door door-help" href="/je-veux-aider">
            <span class="door-title">{t('shell.wantToHelp')}</span>
            <span class="door-hint">{t('home.wantToHelp.hint')}</span>
          </a>
        </li>
      </ul>
      <h2>{t('home.how.title')}</h2>
      <ol class="steps">
        <li>{t('home.how.step1')}</li>
        <li>{t('home.how.step2')}</li>
        <li>{t('home.how.step3')}</li>
      </ol>
      <HelpLineBlock ctx={ctx} territory={territory} helpPoints={helpPoints} />
    </Layout>
  )
}
