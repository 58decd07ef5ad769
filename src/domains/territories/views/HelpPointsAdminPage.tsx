import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import { HELP_POINTS_MAX, type HelpPoint } from '../help-point.ts'
import { HELP_POINTS_PATH, HELPLINE_PATH } from './HelplineAdminPage.tsx'
import { KIND_LABEL } from './help-point-labels.ts'

interface Props {
  ctx: ViewContext
  points: (HelpPoint & { communeName: string })[]
  notice?: string | undefined
}

/**
 * The territory's help points in the order the public pages show them. A list rather than a
 * table, so it fits a phone; each change is a POST button that works without JavaScript.
 */
export function HelpPointsAdminPage({ ctx, points, notice }: Props) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('helpPoint.admin.title')}>
      <p>
        <a href={HELPLINE_PATH}>{t('helpPoint.admin.toLine')}</a>
      </p>
      <h1>{t('helpPoint.admin.title')}</h1>
      {notice && <Confirmation text={notice} />}
      <p>{t('helpPoint.admin.intro', { max: HELP_POINTS_MAX })}</p>
      {points.length < HELP_POINTS_MAX ? (
        <p>
          <a href={`${HELP_POINTS_PATH}/nouveau`} class="button">
            {t('helpPoint.admin.add')}
          </a>
        </p>
      ) : (
        <p>{t('helpPoint.admin.full', { max: HELP_POINTS_MAX })}</p>
      )}
      {points.length === 0 ? (
        <p>{t('helpPoint.admin.none')}</p>
      ) : (
        <ol class="help-points-admin" aria-label={t('helpPoint.admin.list')}>
          {points.map((p, i) => {
            const base = `${HELP_POINTS_PATH}/${p.id}`
            return (
              <li key={p.id}>
                <p>
                  <strong>{p.name}</strong> <span class="hint">{t(KIND_LABEL[p.kind])}</span>
                </p>
                <p>
                  {p.address}, {p.communeName}
                </p>
                <p>{t('helpline.points.hours', { hours: p.hours })}</p>
                {p.phone && (
                  <p>
                    {t('helpline.points.phone')} <PhoneLink e164={p.phone} />
                  </p>
                )}
                <div class="help-point-actions">
                  {i > 0 && (
                    <ActionButton
                      ctx={ctx}
                      action={`${base}/monter`}
                      label={t('helpPoint.moveUp')}
                      which={p.name}
                    />
                  )}
                  {i < points.length - 1 && (
                    <ActionButton
                      ctx={ctx}
                      action={`${base}/descendre`}
                      label={t('helpPoint.moveDown')}
                      which={p.name}
                    />
                  )}
                  <a href={base}>
                    {t('helpPoint.edit')}
                    <span class="visually-hidden"> {p.name}</span>
                  </a>
                  <ActionButton
                    ctx={ctx}
                    action={`${base}/retirer`}
                    label={t('helpPoint.remove')}
                    which={p.name}
                  />
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </Layout>
  )
}
