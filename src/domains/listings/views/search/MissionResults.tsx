import { formatDateTime } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import type { MissionResult } from '../../search.service.ts'

/** One mission in a list: where, who, when, and how many places its next slot has left. */
function MissionItem({ ctx, mission }: { ctx: ViewContext; mission: MissionResult }) {
  const { t } = ctx
  const left = mission.nextSlot.placesLeft
  return (
    <li class="result">
      <h3>
        <a href={`/missions/${mission.id}`}>{mission.title}</a>
      </h3>
      <p class="result-meta">
        <span class="tag tag-mission">{t('search.kind.mission')}</span> ·{' '}
        {t('search.result.by', { name: mission.organisation.name })} ·{' '}
        {mission.commune.name ?? mission.commune.insee}
        {mission.distanceKm !== null &&
          ` · ${t('search.result.distance', { km: mission.distanceKm.toLocaleString(ctx.locale) })}`}
      </p>
      <p class="result-meta">
        {t('search.mission.next', { date: formatDateTime(mission.nextSlot.startsAt, ctx.locale) })} ·{' '}
        {left === 1 ? t('search.mission.placeLeft') : t('search.mission.placesLeft', { left })}
      </p>
    </li>
  )
}

/** The page of missions when the kind « Missions d'associations » is chosen. */
export function MissionList({ ctx, missions }: { ctx: ViewContext; missions: MissionResult[] }) {
  if (missions.length === 0) return null
  return (
    <ol class="results" aria-labelledby="resultats">
      {missions.map((m) => (
        <MissionItem ctx={ctx} mission={m} key={m.id} />
      ))}
    </ol>
  )
}

/** Beside the asks and offers (no kind chosen): the few missions that match best, and the way to all. */
export function MissionsBlock({
  ctx,
  missions,
  allHref,
}: {
  ctx: ViewContext
  missions: MissionResult[]
  allHref: string
}) {
  const { t } = ctx
  if (missions.length === 0) return null
  return (
    <section class="missions-block" aria-labelledby="missions-associations">
      <h2 id="missions-associations">{t('search.missions.title')}</h2>
      <ul class="results">
        {missions.map((m) => (
          <MissionItem ctx={ctx} mission={m} key={m.id} />
        ))}
      </ul>
      <p>
        <a href={allHref}>{t('search.missions.all')}</a>
      </p>
    </section>
  )
}
