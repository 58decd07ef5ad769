import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ActionButton, Confirmation, CsrfField, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { SignupStatus } from '../mission.schema.ts'
import type { Mission, SlotRowInput } from '../mission.ts'
import { placesLabel, slotLabel } from '../slot-label.ts'
import { SlotRow } from './MissionFormPage.tsx'

export interface RosterData {
  mission: Mission
  organisation: { id: string; name: string }
  manager: boolean
  now: Date
  slots: {
    slot: {
      id: string
      startsAt: Date
      endsAt: Date
      places: number
      taken: number
      cancelledAt: Date | null
    }
    people: { id: string; displayName: string; status: SignupStatus; thankedAt: Date | null }[]
  }[]
}

const statusKey = {
  'signed-up': 'mission.roster.signedUp',
  withdrawn: 'mission.roster.withdrawn',
  attended: 'mission.roster.attended',
  absent: 'mission.roster.absent',
} as const

/**
 * The organisation's side of a mission: who is coming per slot (names only), the CSV export, and
 * for managers, after each slot, attendance and thanks; before it, cancelling; and a new slot.
 */
export function RosterPage({
  ctx,
  data,
  notice,
  errors = [],
  row,
}: {
  ctx: ViewContext
  data: RosterData
  notice?: string | undefined
  errors?: FieldError[]
  row?: SlotRowInput
}) {
  const { t, locale } = ctx
  const { mission, manager, now } = data
  const base = `/missions/${mission.id}`
  const title = t('mission.roster.title', { title: mission.title })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p>
        <a href={base}>{t('mission.roster.public')}</a>
      </p>
      <p>
        <a href={`${base}/inscrits.csv`} download>
          {t('mission.roster.csv')}
        </a>
      </p>
      {manager && (
        <p>
          <a href={`${base}/modifier`}>{t('mission.edit.title')}</a>
        </p>
      )}
      {data.slots.length === 0 && <p>{t('mission.slots.none')}</p>}
      {data.slots.map(({ slot, people }) => {
        const label = slotLabel(slot, t, locale)
        const ended = slot.endsAt <= now
        return (
          <section key={slot.id} aria-labelledby={`creneau-${slot.id}`}>
            <h2 id={`creneau-${slot.id}`}>{label}</h2>
            <p>{slot.cancelledAt ? t('mission.roster.slotCancelled') : placesLabel(slot, t)}</p>
            {people.length === 0 ? (
              <p>{t('mission.roster.nobody')}</p>
            ) : (
              <table>
                <caption class="visually-hidden">{label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mission.roster.name')}</th>
                    <th scope="col">{t('mission.roster.status')}</th>
                    {manager && ended && <th scope="col">{t('mission.roster.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.displayName}</th>
                      <td>
                        {t(statusKey[p.status])}
                        {p.thankedAt && ` – ${t('mission.roster.thanked')}`}
                      </td>
                      {manager && ended && (
                        <td>
                          {p.status !== 'withdrawn' && !slot.cancelledAt && (
                            <>
                              <ActionButton
                                ctx={ctx}
                                action={`${base}/inscrits/${p.id}/present`}
                                label={t('mission.roster.markAttended')}
                                which={p.displayName}
                              />
                              <ActionButton
                                ctx={ctx}
                                action={`${base}/inscrits/${p.id}/absent`}
                                label={t('mission.roster.markAbsent')}
                                which={p.displayName}
                              />
                            </>
                          )}
                          {p.status === 'attended' && !p.thankedAt && (
                            <ActionButton
                              ctx={ctx}
                              action={`${base}/inscrits/${p.id}/remercier`}
                              label={t('mission.roster.thank')}
                              which={p.displayName}
                            />
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {manager && !slot.cancelledAt && slot.startsAt > now && (
              <ActionButton
                ctx={ctx}
                action={`${base}/creneaux/${slot.id}/annuler`}
                label={t('mission.slot.cancel')}
                which={label}
              />
            )}
          </section>
        )
      })}
      {manager && mission.status !== 'closed' && (
        <>
          <h2>{t('mission.slot.add')}</h2>
          <form method="post" action={`${base}/creneaux`} novalidate>
            <CsrfField ctx={ctx} />
            <SlotRow
              ctx={ctx}
              n={1}
              row={row ?? { date: '', start: '', end: '', places: '' }}
              errors={errors}
            />
            <button type="submit">{t('mission.slot.add')}</button>
          </form>
          <h2>{t('mission.close.title')}</h2>
          <p>{t('mission.close.hint')}</p>
          <ActionButton ctx={ctx} action={`${base}/cloturer`} label={t('mission.close.button')} />
        </>
      )}
    </Layout>
  )
}
