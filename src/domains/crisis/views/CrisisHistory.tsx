import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import { COUNT_LABELS, type CrisisPeriod, KIND_LABEL } from '../crisis.ts'

/** The territory's past crises: when, why, who, and what each gathered. */
export function CrisisHistory({
  ctx,
  history,
  names,
}: {
  ctx: ViewContext
  history: CrisisPeriod[]
  /** display names of the administrators, by account id */
  names: Map<string, string>
}) {
  const { t, locale } = ctx
  const who = (id: string | null) => (id && names.get(id)) || t('crisis.history.someone')
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">{t('crisis.history.title')}</h2>
      {history.length === 0 ? (
        <p>{t('crisis.history.none')}</p>
      ) : (
        <ScrollRegion label={t('crisis.history.caption')}>
          <table>
            <caption class="visually-hidden">{t('crisis.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crisis.history.kind')}</th>
                <th scope="col">{t('crisis.history.dates')}</th>
                <th scope="col">{t('crisis.history.reason')}</th>
                <th scope="col">{t('crisis.history.who')}</th>
                <th scope="col">{t('crisis.history.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{t(KIND_LABEL[p.kind])}</th>
                  <td>
                    {t('crisis.history.range', {
                      from: formatDateTime(p.startedAt, locale),
                      to: p.endedAt ? formatDateTime(p.endedAt, locale) : '',
                    })}
                  </td>
                  <td class="author-text">
                    {p.reason}
                    {p.endReason && (
                      <>
                        <br />
                        {t('crisis.history.endReason', { reason: p.endReason })}
                      </>
                    )}
                  </td>
                  <td>{t('crisis.history.whoValue', { start: who(p.startedBy), end: who(p.endedBy) })}</td>
                  <td>
                    <ul class="plain">
                      {Object.entries(COUNT_LABELS).map(([key, label]) => (
                        <li key={key}>{t(label, { count: p.counts?.[key] ?? 0 })}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  )
}
