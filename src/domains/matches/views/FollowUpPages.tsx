import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'

const TIPS = [
  ['followUp.tips.clearer.title', 'followUp.tips.clearer.text'],
  ['followUp.tips.wider.title', 'followUp.tips.wider.text'],
  ['followUp.tips.around.title', 'followUp.tips.around.text'],
] as const

/** Where the « no response yet » notification leads: how to help the ask find someone. */
export function TipsPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  const platform = ctx.territory?.platformName ?? ''
  return (
    <Layout ctx={ctx} title={t('followUp.tips.title')}>
      <h1>{t('followUp.tips.title')}</h1>
      <p class="lead">{t('followUp.tips.intro')}</p>
      {TIPS.map(([title, text]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          <p>{t(text)}</p>
        </section>
      ))}
      <section>
        <h2>{t('followUp.tips.team.title')}</h2>
        <p>{t('followUp.tips.team.text', { email: ctx.territory?.contactEmail ?? '' })}</p>
      </section>
      <p>
        <a href="/mes-annonces" class="button">
          {t('followUp.tips.edit')}
        </a>
      </p>
      <p class="notice">{t('followUp.tips.free', { platform })}</p>
    </Layout>
  )
}
