import type { ViewContext } from '../../../../platform/views/context.ts'
import { Choices } from '../../../../platform/views/fields.tsx'
import { SPOKEN_LANGUAGES, WEEK_DAYS } from '../volunteer-fields.ts'

interface Props {
  ctx: ViewContext
  values: { availability: string[]; languages: string[]; acceptsProposals: boolean }
  errorFor: (id: string) => string | undefined
}

/**
 * The volunteer's part of the profile form. Availability is a table of fourteen checkboxes,
 * one row per day and one column per half-day, three narrow columns that fit a 360 px screen;
 * each box carries its full name (« Mardi matin ») for screen readers.
 */
export function VolunteerFields({ ctx, values, errorFor }: Props) {
  const { t } = ctx
  const error = errorFor('availability')
  const parts = [
    ['am', t('profile.availability.am')],
    ['pm', t('profile.availability.pm')],
  ] as const
  return (
    <>
      <h2>{t('profile.volunteer.title')}</h2>
      <p>{t('profile.volunteer.intro')}</p>
      <div class={error ? 'field field-error' : 'field'}>
        <fieldset aria-describedby={error ? 'availability-hint availability-error' : 'availability-hint'}>
          <legend>{t('profile.availability.legend')}</legend>
          <span id="availability-hint" class="hint">
            {t('profile.availability.hint')}
          </span>
          {error && (
            <span id="availability-error" class="error-message">
              <span class="visually-hidden">{t('commune.field.errorPrefix')} </span>
              {error}
            </span>
          )}
          <table class="availability">
            <caption class="visually-hidden">{t('profile.availability.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.availability.day')}</th>
                {parts.map(([part, label]) => (
                  <th scope="col" key={part}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {WEEK_DAYS.map(({ day, label }, row) => (
                <tr key={day}>
                  <th scope="row">{t(label)}</th>
                  {parts.map(([part, partLabel], col) => {
                    const value = `${day}-${part}`
                    const id = row === 0 && col === 0 ? 'availability' : `availability-${value}`
                    return (
                      <td key={part}>
                        <input
                          type="checkbox"
                          id={id}
                          name="availability"
                          value={value}
                          checked={values.availability.includes(value)}
                        />
                        <label for={id} class="visually-hidden">
                          {t('profile.availability.slot', { day: t(label), part: partLabel.toLowerCase() })}
                        </label>
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      </div>
      <Choices
        ctx={ctx}
        type="checkbox"
        id="languages"
        name="languages"
        legend={t('profile.languages.legend')}
        options={SPOKEN_LANGUAGES.map((l) => ({ value: l.code, label: t(l.label) }))}
        checked={values.languages}
        error={errorFor('languages')}
      />
      <Choices
        ctx={ctx}
        type="checkbox"
        id="acceptsProposals"
        name="acceptsProposals"
        legend={t('profile.proposals.legend')}
        options={[{ value: '1', label: t('profile.proposals.label') }]}
        checked={values.acceptsProposals ? ['1'] : []}
      />
    </>
  )
}
