import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation, CsrfField } from '../../../platform/views/fields.tsx'
import { localDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import type { Organisation } from '../organisation.repository.ts'
import { type MemberRole, type OrganisationKind, organisationKinds } from '../organisation.schema.ts'
import { type Decision, decisions } from '../organisation.ts'
import { DecisionForm } from './DecisionForm.tsx'
import { HISTORY_LABEL, KIND_LABEL, REASON_LABEL, ROLE_LABEL, STATUS_LABEL } from './labels.ts'
import { kindText } from './OrganisationPage.tsx'

interface Props {
  ctx: ViewContext
  organisation: Organisation
  communeName: string
  members: { displayName: string; role: MemberRole }[]
  history: {
    action: string
    actorName: string | null
    details: Record<string, string | number | boolean>
    createdAt: Date
  }[]
  delegated: OrganisationKind[]
  /** the delegated kinds the partner alone verifies */
  exclusive: OrganisationKind[]
  /** the partner that alone verifies this organisation's kind: staff no longer decide on it */
  onlyPartner: { name: string } | null
  mayDelegate: boolean
  notice?: string | undefined
  problem?: string | undefined
}

export function StaffOrganisationPage(props: Props) {
  const {
    ctx,
    organisation: o,
    communeName,
    members,
    history,
    delegated,
    exclusive,
    onlyPartner,
    mayDelegate,
    notice,
    problem,
  } = props
  const { t } = ctx
  const action = `/administration/organisations/${o.id}/decision`
  const open = (Object.keys(decisions) as Decision[]).filter(
    (d) =>
      (decisions[d].from as readonly string[]).includes(o.status) &&
      !(onlyPartner && (d === 'verify' || d === 'refuse')),
  )
  return (
    <Layout ctx={ctx} title={o.name}>
      {notice && <Confirmation text={notice} />}
      {problem && (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <p>
        <a href="/administration/organisations">{t('organisation.admin.back')}</a>
      </p>
      <h1>{o.name}</h1>
      <dl>
        <dt>{t('organisation.admin.col.kind')}</dt>
        <dd>{kindText(ctx, o)}</dd>
        <dt>{t('organisation.admin.col.status')}</dt>
        <dd>
          {t(STATUS_LABEL[o.status])}
          {o.verifiedAt &&
            o.status === 'verified' &&
            ` – ${t('organisation.verifiedOn', { date: localDay(o.verifiedAt, ctx.locale) })}`}
        </dd>
        {o.statusReason && (
          <>
            <dt>{t('organisation.admin.reason')}</dt>
            <dd>{o.statusReason}</dd>
          </>
        )}
        <dt>{t('organisation.registration.label')}</dt>
        <dd>{o.siret ?? o.rna ?? t('organisation.admin.noRegistration')}</dd>
        <dt>{t('organisation.admin.col.commune')}</dt>
        <dd>{communeName}</dd>
        <dt>{t('organisation.page.contact')}</dt>
        <dd>{o.contactKind === 'phone' ? <PhoneLink e164={o.contactValue} /> : o.contactValue}</dd>
      </dl>
      <h2>{t('organisation.page.about')}</h2>
      <AuthorText text={o.description} />
      <p>
        <a href={`/organisations/${o.id}`}>{t('organisation.admin.publicPage')}</a>
      </p>
      <h2>{t('organisation.admin.decisions')}</h2>
      {onlyPartner && <p>{t('organisation.delegation.exclusiveNote', { partner: onlyPartner.name })}</p>}
      {open.map((d) => (
        <DecisionForm key={d} ctx={ctx} action={action} decision={d} which={o.name} idPrefix="decision" />
      ))}
      <h2>{t('organisation.admin.members')}</h2>
      <ul>
        {members.map((m, i) => (
          <li key={i}>
            {m.displayName} – {t(ROLE_LABEL[m.role])}
          </li>
        ))}
      </ul>
      {mayDelegate && o.kind === 'partner' && o.status === 'verified' && (
        <>
          <h2>{t('organisation.delegation.title')}</h2>
          <form method="post" action={`/administration/organisations/${o.id}/delegation`}>
            <CsrfField ctx={ctx} />
            <fieldset>
              <legend>{t('organisation.delegation.legend', { name: o.name })}</legend>
              {organisationKinds.map((k) => (
                <label class="choice" key={k}>
                  <input type="checkbox" name="kinds" value={k} checked={delegated.includes(k)} />
                  {t(KIND_LABEL[k])}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('organisation.delegation.exclusiveLegend', { name: o.name })}</legend>
              {organisationKinds.map((k) => (
                <label class="choice" key={k}>
                  <input type="checkbox" name="exclusive" value={k} checked={exclusive.includes(k)} />
                  {t(KIND_LABEL[k])}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t('organisation.delegation.submit')}</button>
          </form>
        </>
      )}
      <h2>{t('organisation.admin.history')}</h2>
      <table>
        <caption class="visually-hidden">{t('organisation.admin.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organisation.admin.col.when')}</th>
            <th scope="col">{t('organisation.admin.col.what')}</th>
            <th scope="col">{t('organisation.admin.col.who')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => {
            const label = HISTORY_LABEL[h.action]
            const reason =
              typeof h.details.reason === 'string'
                ? (REASON_LABEL as Record<string, typeof label>)[h.details.reason]
                : undefined
            return (
              <tr key={i}>
                <td>{formatDateTime(h.createdAt, ctx.locale)}</td>
                <td>
                  {label ? t(label) : h.action}
                  {reason && ` (${t(reason)})`}
                  {h.details.via === 'partner' && ` – ${t('organisation.admin.viaPartner')}`}
                </td>
                <td>{h.actorName ?? '–'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Layout>
  )
}
