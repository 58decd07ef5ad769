import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { MissionPage as MissionPageData } from '../mission.service.ts'
import { placesLabel, slotLabel } from '../slot-label.ts'

interface Props {
  ctx: ViewContext
  data: MissionPageData
  category: string
  commune: string
  now: Date
  /** who is looking: a visitor, an account whose address is not confirmed, or one who may sign up */
  viewer: 'visitor' | 'unconfirmed' | 'ready'
  notice?: string | undefined
  errors?: FieldError[]
  /** slots ticked before an error, kept */
  checked?: string[]
}

/** A mission as the public sees it, with the form to sign up to one or several of its slots. */
export function MissionPage({
  ctx,
  data,
  category,
  commune,
  now,
  viewer,
  notice,
  errors = [],
  checked = [],
}: Props) {
  const { t, locale } = ctx
  const { mission, organisation } = data
  const future = data.slots.filter((s) => s.startsAt > now && s.cancelledAt === null)
  const open = mission.status === 'published'
  const retour = encodeURIComponent(`/missions/${mission.id}`)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, mission.title, errors)}>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{mission.title}</h1>
      <p>
        {t('mission.page.by')} <a href={`/organisations/${organisation.id}`}>{organisation.name}</a>
      </p>
      {mission.status === 'held' && <p class="notice">{t('mission.held.notice')}</p>}
      {mission.status === 'closed' && <p class="notice">{t('mission.closed.notice')}</p>}
      <dl>
        <dt>{t('mission.category.label')}</dt>
        <dd>{category}</dd>
        <dt>{t('mission.commune.label')}</dt>
        <dd>{commune}</dd>
        {data.showAddress && mission.address && (
          <>
            <dt>{t('mission.address.label')}</dt>
            <dd>{mission.address}</dd>
          </>
        )}
      </dl>
      {mission.needsVerifiedVolunteer && <p>{t('mission.needsVerified.notice')}</p>}
      <div class="author-text">
        {mission.description.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      {data.member && (
        <p>
          <a href={`/missions/${mission.id}/inscrits`}>{t('mission.roster.link')}</a>
        </p>
      )}
      <h2 id="creneaux">{t('mission.slots.title')}</h2>
      {future.length === 0 && <p>{t('mission.slots.none')}</p>}
      {future.length > 0 && open && viewer === 'ready' ? (
        <form method="post" action={`/missions/${mission.id}/inscription`}>
          <CsrfField ctx={ctx} />
          <div class={errorFor(errors, 'creneau') ? 'field field-error' : 'field'}>
            <fieldset>
              <legend>{t('mission.signup.legend')}</legend>
              {future.map((slot, i) => {
                const full = slot.taken >= slot.places
                return (
                  <label class="choice" key={slot.id}>
                    <input
                      type="checkbox"
                      name="creneau"
                      id={i === 0 ? 'creneau' : `creneau-${slot.id}`}
                      value={slot.id}
                      disabled={full}
                      checked={checked.includes(slot.id)}
                    />
                    {slotLabel(slot, t, locale)} – {placesLabel(slot, t)}
                  </label>
                )
              })}
            </fieldset>
          </div>
          <button type="submit">{t('mission.signup.submit')}</button>
        </form>
      ) : (
        <ul>
          {future.map((slot) => (
            <li key={slot.id}>
              {slotLabel(slot, t, locale)} – {placesLabel(slot, t)}
            </li>
          ))}
        </ul>
      )}
      {future.length > 0 && open && viewer === 'visitor' && (
        <p>
          <a href={`/connexion?retour=${retour}`}>{t('mission.signup.signIn')}</a>
        </p>
      )}
      {future.length > 0 && open && viewer === 'unconfirmed' && <p>{t('mission.signup.unconfirmed')}</p>}
      {viewer !== 'visitor' && (
        <p>
          <a href="/mes-missions">{t('mission.mine.title')}</a>
        </p>
      )}
    </Layout>
  )
}
