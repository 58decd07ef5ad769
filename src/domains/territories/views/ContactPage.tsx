import { localised, type Territory } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import { HELP_POINTS_HREF } from './help-point-labels.ts'
import { EmailLink } from './OfflineHelp.tsx'

/** How to reach the territory: the address, the phone line beside it, the help points near home. */
export function ContactPage({
  ctx,
  territory,
  helpPoints,
}: {
  ctx: ViewContext
  territory: Territory
  helpPoints: number
}) {
  const { t, locale } = ctx
  const phone = territory.helplinePhone
  const hours = phone && territory.helplineHours ? localised(territory.helplineHours, locale) : ''
  return (
    <Layout ctx={ctx} title={t('contact.title')}>
      <h1>{t('contact.title')}</h1>
      <div class="prose">
        <p>
          {t('helpline.contact.write')} <EmailLink territory={territory} />
        </p>
        {phone && (
          <p class="helpline-call">
            {t('helpline.contact.phone')} <PhoneLink e164={phone} />
            {hours && ` ${t('helpline.hoursInline', { hours })}`}
          </p>
        )}
        {helpPoints > 0 && (
          <p>
            <a href={HELP_POINTS_HREF}>{t('helpline.contact.points')}</a>
          </p>
        )}
        <p>{t('contact.editor')}</p>
      </div>
    </Layout>
  )
}
