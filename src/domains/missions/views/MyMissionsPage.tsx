import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { slotLabel } from '../slot-label.ts'

/** « Mes missions »: the person's sign-ups, upcoming first, with a button to withdraw while allowed. */
export function MyMissionsPage({
  ctx,
  items,
  now,
  notice,
}: {
  ctx: ViewContext
  items: {
    signup: { id: string; status: string }
    slot: { startsAt: Date; endsAt: Date; cancelledAt: Date | null }
    mission: { id: string; title: string }
    deadline: Date
    mayWithdraw: boolean
  }[]
  now: Date
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const status = (i: (typeof items)[number]) =>
    i.slot.cancelledAt
      ? t('mission.mine.cancelled')
      : i.signup.status === 'withdrawn'
        ? t('mission.mine.withdrawn')
        : i.signup.status === 'attended'
          ? t('mission.mine.attended')
          : i.signup.status === 'absent'
            ? t('mission.mine.absent')
            : i.slot.startsAt > now
              ? t('mission.mine.coming')
              : t('mission.mine.past')
  return (
    <Layout ctx={ctx} title={t('mission.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('mission.mine.title')}</h1>
      {items.length === 0 && <p>{t('mission.mine.empty')}</p>}
      <ul class="listing-list">
        {items.map((i) => (
          <li key={i.signup.id} id={`inscription-${i.signup.id}`}>
            <h2>
              <a href={`/missions/${i.mission.id}`}>{i.mission.title}</a>
            </h2>
            <p>{slotLabel(i.slot, t, locale)}</p>
            <p>{status(i)}</p>
            {i.mayWithdraw && (
              <ActionButton
                ctx={ctx}
                action={`/mes-missions/${i.signup.id}/retirer`}
                label={t('mission.withdraw.button')}
                which={`${i.mission.title}, ${slotLabel(i.slot, t, locale)}`}
              />
            )}
          </li>
        ))}
      </ul>
    </Layout>
  )
}
