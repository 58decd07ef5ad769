import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { holdReasonMessageKey } from '../../listings/index.ts'

export const HELD_MISSIONS_PATH = '/administration/missions-retenues'

export interface HeldMission {
  id: string
  title: string
  description: string
  organisation: string
  holdReasons: string[]
}

/** The missions the free-help rule held: full text, why, publish or remove. */
export function HeldMissionsPage({
  ctx,
  missions,
  notice,
}: {
  ctx: ViewContext
  missions: HeldMission[]
  notice?: string | undefined
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('mission.moderation.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('mission.moderation.title')}</h1>
      {missions.length === 0 && <p>{t('mission.moderation.empty')}</p>}
      {missions.map((m) => (
        <article key={m.id} aria-labelledby={`held-${m.id}`}>
          <h2 id={`held-${m.id}`}>{m.title}</h2>
          <p>
            {t('mission.page.by')} {m.organisation}
          </p>
          <AuthorText text={m.description} />
          <ul>
            {m.holdReasons.map((r) => (
              <li key={r}>{t(holdReasonMessageKey(r as Parameters<typeof holdReasonMessageKey>[0]))}</li>
            ))}
          </ul>
          <ActionButton
            ctx={ctx}
            action={`${HELD_MISSIONS_PATH}/${m.id}/publier`}
            label={t('mission.moderation.publish')}
            which={m.title}
          />
          <ActionButton
            ctx={ctx}
            action={`${HELD_MISSIONS_PATH}/${m.id}/retirer`}
            label={t('mission.moderation.reject')}
            which={m.title}
          />
        </article>
      ))}
    </Layout>
  )
}
