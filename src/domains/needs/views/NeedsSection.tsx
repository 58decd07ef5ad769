import type { ViewContext } from '../../../platform/views/context.ts'
import type { Need } from '../need.ts'
import { Progress } from './parts.tsx'

/** The open needs of an organisation, each with its progress, for the organisation's page. */
export function NeedsSection({
  ctx,
  organisationId,
  needs,
  manages,
}: {
  ctx: Pick<ViewContext, 't' | 'locale'>
  organisationId: string
  needs: Need[]
  manages: boolean
}) {
  const { t } = ctx
  return (
    <section aria-labelledby="needs-section-title">
      <h2 id="needs-section-title">{t('needs.section.title')}</h2>
      {needs.length === 0 && <p>{t('needs.section.none')}</p>}
      <ul class="need-list">
        {needs.map((need) => (
          <li key={need.id}>
            <h3>
              <a href={`/besoins/${need.id}`}>{need.title}</a>
            </h3>
            <Progress ctx={ctx} need={need} id={`need-progress-${need.id}`} />
          </li>
        ))}
      </ul>
      {manages && (
        <p>
          <a href={`/organisations/${organisationId}/besoins/nouveau`}>{t('needs.section.new')}</a>
        </p>
      )}
    </section>
  )
}
