import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { holdReasonMessageKey } from '../../listings/index.ts'

export interface HeldNeed {
  id: string
  title: string
  description: string
  organisation: string
  holdReasons: string[]
}

/** The material needs the free-help rule held: full text, why, publish or remove. */
export function HeldNeedsPage({
  ctx,
  needs,
  notice,
}: {
  ctx: ViewContext
  needs: HeldNeed[]
  notice?: string | undefined
}) {
  const { t } = ctx
  const base = '/administration/besoins-retenus'
  return (
    <Layout ctx={ctx} title={t('needs.moderation.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('needs.moderation.title')}</h1>
      {needs.length === 0 && <p>{t('needs.moderation.empty')}</p>}
      {needs.map((n) => (
        <article key={n.id} aria-labelledby={`held-${n.id}`}>
          <h2 id={`held-${n.id}`}>{n.title}</h2>
          <p>{t('needs.page.organisation', { name: n.organisation })}</p>
          <AuthorText text={n.description} />
          <ul>
            {n.holdReasons.map((r) => (
              <li key={r}>{t(holdReasonMessageKey(r as Parameters<typeof holdReasonMessageKey>[0]))}</li>
            ))}
          </ul>
          <ActionButton
            ctx={ctx}
            action={`${base}/${n.id}/publier`}
            label={t('needs.moderation.publish')}
            which={n.title}
          />
          <ActionButton
            ctx={ctx}
            action={`${base}/${n.id}/retirer`}
            label={t('needs.moderation.reject')}
            which={n.title}
          />
        </article>
      ))}
    </Layout>
  )
}
