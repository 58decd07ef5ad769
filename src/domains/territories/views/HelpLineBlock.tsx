import type { Territory } from '../../../platform/tenancy/territory.ts'
import { localised } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import { HELP_POINTS_HREF } from './help-point-labels.ts'

/**
 * The home page's « Pas d'internet ? »: the line's number to call and its hours, the way to the
 * help points near home, and the address to write to. Without a line or help points it still
 * says how to get help: a relative, or the email.
 */
export function HelpLineBlock({
  ctx,
  territory,
  helpPoints,
}: {
  ctx: ViewContext
  territory: Territory
  /** how many help points the territory lists */
  helpPoints: number
}) {
  const { t, locale } = ctx
  const phone = territory.helplinePhone
  const hours = phone && territory.helplineHours ? localised(territory.helplineHours, locale) : ''
  const email = <a href={`mailto:${territory.contactEmail}`}>{territory.contactEmail}</a>
  return (
    <section class="helpline" aria-labelledby="sans-internet">
      <h2 id="sans-internet">{t('home.phone.title')}</h2>
      {phone && (
        <p class="helpline-call">
          {t('helpline.call')} <PhoneLink e164={phone} />
          {hours && ` ${t('helpline.hoursInline', { hours })}`}
        </p>
      )}
      {helpPoints > 0 && (
        <p>
          <a href={HELP_POINTS_HREF}>{t('helpline.home.near')}</a>
          <span class="hint">{t('helpline.home.nearHint')}</span>
        </p>
      )}
      {phone || helpPoints > 0 ? (
        <p>
          {t('helpline.home.relative')} {t('helpline.write')} {email}
        </p>
      ) : (
        <p>
          {t('home.phone.body')} {email}
        </p>
      )}
    </section>
  )
}
