import type { Territory } from '../../../platform/tenancy/territory.ts'
import { localised } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import type { HelpPoint } from '../help-point.ts'
import { HELP_POINTS_ANCHOR, KIND_LABEL } from './help-point-labels.ts'

export type HelpPointGroups = { commune: string; points: HelpPoint[] }[]

/** The address to write to, as a link a phone or a computer opens in its mail program. */
export function EmailLink({ territory }: { territory: Territory }) {
  return <a href={`mailto:${territory.contactEmail}`}>{territory.contactEmail}</a>
}

/**
 * « Sans internet » on the « besoin d'aide » page: the line's number and hours when there is a
 * line, the address to write to in every case, then the help points by commune.
 */
export function OfflineHelp({
  ctx,
  territory,
  groups,
}: {
  ctx: ViewContext
  territory: Territory
  groups: HelpPointGroups
}) {
  const { t, locale } = ctx
  const phone = territory.helplinePhone
  const hours = phone && territory.helplineHours ? localised(territory.helplineHours, locale) : ''
  return (
    <>
      <section aria-labelledby="sans-internet">
        <h2 id="sans-internet">{t('helpline.need.title')}</h2>
        {phone ? (
          <>
            <p class="helpline-call">
              {t('helpline.need.call')} <PhoneLink e164={phone} />
            </p>
            {hours && <p>{t('helpline.need.hours', { hours })}</p>}
            <p>{t('helpline.need.agent')}</p>
            <p>
              {t('helpline.write')} <EmailLink territory={territory} />
            </p>
          </>
        ) : (
          <p>
            {t('helpline.need.writeOnly')} <EmailLink territory={territory} />
          </p>
        )}
      </section>
      {groups.length > 0 && <HelpPointList ctx={ctx} groups={groups} />}
    </>
  )
}

/** The help points under the commune of each, with address, hours and phone. */
export function HelpPointList({ ctx, groups }: { ctx: ViewContext; groups: HelpPointGroups }) {
  const { t } = ctx
  return (
    <section aria-labelledby={HELP_POINTS_ANCHOR}>
      <h2 id={HELP_POINTS_ANCHOR}>{t('helpline.points.title')}</h2>
      <p>{t('helpline.points.intro')}</p>
      {groups.map((group) => (
        <div key={group.commune}>
          <h3>{group.commune}</h3>
          <ul class="help-points">
            {group.points.map((p) => (
              <li key={p.id}>
                <p class="help-point-name">
                  <strong>{p.name}</strong> <span class="hint">{t(KIND_LABEL[p.kind])}</span>
                </p>
                <p>{p.address}</p>
                <p>{t('helpline.points.hours', { hours: p.hours })}</p>
                {p.phone && (
                  <p>
                    {t('helpline.points.phone')} <PhoneLink e164={p.phone} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
