import type { AuditAction } from '../../../../platform/audit/audit.ts'
import { formatDateTime, type MessageKey, type Translate } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { Layout } from '../../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../../platform/views/ScrollRegion.tsx'
import type { JournalEntry } from '../journal.repository.ts'
import { isStaffRole, ROLE_LABEL } from '../staff.ts'

/** Every action of the audit log in plain words; a new action does not compile until it has its label. */
const ACTION_LABEL: Record<AuditAction, MessageKey> = {
  login: 'audit.action.login',
  'login.failed': 'audit.action.loginFailed',
  'login.second-factor': 'audit.action.secondFactor',
  'login.second-factor.failed': 'audit.action.secondFactorFailed',
  logout: 'audit.action.logout',
  'session.ended': 'audit.action.sessionEnded',
  signup: 'audit.action.signup',
  'signup.existing': 'audit.action.signupExisting',
  'email.verified': 'audit.action.emailVerified',
  'email.changed': 'audit.action.emailChanged',
  'password.changed': 'audit.action.passwordChanged',
  'password.reset': 'audit.action.passwordReset',
  'second-factor.enabled': 'audit.action.secondFactorEnabled',
  'second-factor.recovery-used': 'audit.action.recoveryUsed',
  'second-factor.recovery-renewed': 'audit.action.recoveryRenewed',
  'second-factor.reset': 'audit.action.secondFactorReset',
  'listing.published': 'audit.action.listingPublished',
  'listing.rejected': 'audit.action.listingRejected',
  'report.handled': 'report.audit.handled',
  'report.dismissed': 'report.audit.dismissed',
  'report.message-read': 'report.audit.messageRead',
  'volunteer.verified': 'volunteer.audit.verified',
  'volunteer.revoked': 'volunteer.audit.revoked',
  'organisation.created': 'organisation.audit.created',
  'organisation.changed': 'organisation.audit.changed',
  'organisation.verified': 'organisation.audit.verified',
  'organisation.refused': 'organisation.audit.refused',
  'organisation.suspended': 'organisation.audit.suspended',
  'organisation.reinstated': 'organisation.audit.reinstated',
  'organisation.member-invited': 'organisation.audit.memberInvited',
  'organisation.invitation-revoked': 'organisation.audit.invitationRevoked',
  'organisation.member-joined': 'organisation.audit.memberJoined',
  'organisation.member-role-changed': 'organisation.audit.memberRoleChanged',
  'organisation.member-removed': 'organisation.audit.memberRemoved',
  'organisation.member-left': 'organisation.audit.memberLeft',
  'organisation.delegated': 'organisation.audit.delegated',
  'organisation.history-read': 'organisation.audit.historyRead',
  'need.published': 'needs.audit.published',
  'need.rejected': 'needs.audit.rejected',
  'mission.posted': 'mission.audit.posted',
  'mission.edited': 'mission.audit.edited',
  'mission.closed': 'mission.audit.closed',
  'mission.slot-cancelled': 'mission.audit.slotCancelled',
  'mission.published': 'mission.audit.published',
  'mission.rejected': 'mission.audit.rejected',
  'campaign.request-priority': 'demand.audit.priority',
  'campaign.request-refused': 'demand.audit.refused',
  'campaign.allocation-applied': 'demand.audit.applied',
  'campaign.allocation-discarded': 'demand.audit.discarded',
  'campaign.created': 'supply.audit.created',
  'campaign.edited': 'supply.audit.edited',
  'campaign.opened': 'supply.audit.opened',
  'campaign.closed': 'supply.audit.closed',
  'campaign.point-saved': 'supply.audit.pointSaved',
  'campaign.file-changed': 'supply.audit.fileChanged',
  'campaign.highlighted': 'supply.audit.highlighted',
  'campaign.unhighlighted': 'supply.audit.unhighlighted',
  'campaign.batch-confirmed': 'supply.audit.batchConfirmed',
  'campaign.batch-refused': 'supply.audit.batchRefused',
  'campaign.stock-lost': 'supply.audit.stockLost',
  'campaign.stock-corrected': 'supply.audit.stockCorrected',
  'role.granted': 'audit.action.roleGranted',
  'role.revoked': 'audit.action.roleRevoked',
  'account.suspended': 'audit.action.accountSuspended',
  'account.reactivated': 'audit.action.accountReactivated',
  'staff.invited': 'audit.action.staffInvited',
  'token.created': 'audit.action.tokenCreated',
  'token.revoked': 'audit.action.tokenRevoked',
  'organisation.logo-changed': 'organisationLogo.audit.changed',
  'producer.changed': 'producers.audit.changed',
  'producer.highlighted': 'producers.audit.highlighted',
  'producer.highlight-removed': 'producers.audit.highlightRemoved',
  'territory.helpline-changed': 'helpline.audit.changed',
  'territory.help-point-changed': 'helpPoint.audit.changed',
  'territory.settings-changed': 'settings.audit.changed',
  'territory.logo-changed': 'settings.audit.logo',
  'calls.registered': 'calls.audit.registered',
  'calls.withdrawn': 'calls.audit.withdrawn',
  'calls.paired': 'calls.audit.paired',
  'calls.unpaired': 'calls.audit.unpaired',
  'calls.phone-revealed': 'calls.audit.phoneRevealed',
  'calls.campaign-started': 'calls.audit.campaignStarted',
  'calls.campaign-ended': 'calls.audit.campaignEnded',
  'crisis.started': 'crisis.audit.started',
  'crisis.ended': 'crisis.audit.ended',
  'crisis.template-changed': 'crisis.audit.templateChanged',
  'callout.sent': 'callout.audit.sent',
  'phone.person-created': 'phone.audit.personCreated',
  'phone.person-viewed': 'phone.audit.personViewed',
  'phone.person-changed': 'phone.audit.personChanged',
  'phone.consent-withdrawn': 'phone.audit.consentWithdrawn',
  'phone.person-linked': 'phone.audit.personLinked',
  'phone.sms-consent': 'phone.audit.smsConsent',
  'phone.case-opened': 'phone.audit.caseOpened',
  'phone.case-closed': 'phone.audit.caseClosed',
  'phone.accepted-for-person': 'phone.audit.acceptedForPerson',
  'phone.settings-changed': 'phone.audit.settingsChanged',
  'moderation.decided': 'moderation.audit.decided',
  'moderation.content-read': 'moderation.audit.contentRead',
  'moderation.policy-changed': 'moderation.audit.policyChanged',
  'account.warned': 'moderation.audit.warned',
  'account.banned': 'moderation.audit.banned',
  'sanction.lifted': 'moderation.audit.lifted',
  'appeal.filed': 'moderation.audit.appealFiled',
  'appeal.granted': 'moderation.audit.appealGranted',
  'appeal.upheld': 'moderation.audit.appealUpheld',
  'listing.hidden': 'moderation.audit.listingHidden',
  'listing.change-requested': 'moderation.audit.changeRequested',
  'dispatch.proposed': 'dispatch.audit.proposed',
  'dispatch.accepted': 'dispatch.audit.accepted',
  'dispatch.plan-sent': 'dispatch.audit.planSent',
  'dispatch.settings-changed': 'dispatch.audit.settingsChanged',
  'statistics.exported': 'statistics.audit.exported',
}

/** Why an agent opened a person's record (a code the phone line writes), in words. */
const VIEW_REASON_LABEL: Record<string, MessageKey> = {
  'follow-up': 'phone.reason.followUp',
  'call-in': 'phone.reason.callIn',
  'volunteer-call': 'phone.reason.volunteerCall',
  check: 'phone.reason.check',
}

function actionLabel(t: Translate, action: string): string {
  const key = (ACTION_LABEL as Record<string, MessageKey | undefined>)[action]
  return key ? t(key) : action
}

/** Details hold codes only; the few that help a reader are put into words. */
function detail(t: Translate, details: JournalEntry['details']): string {
  const parts: string[] = []
  if (isStaffRole(details.role)) parts.push(t('audit.detail.role', { role: t(ROLE_LABEL[details.role]) }))
  if (details.method === 'recovery') parts.push(t('audit.detail.recoveryCode'))
  const reason =
    typeof details.via === 'string' && typeof details.reason === 'string' && VIEW_REASON_LABEL[details.reason]
  if (reason) parts.push(t('audit.detail.reason', { reason: t(reason) }))
  if (typeof details.remaining === 'number')
    parts.push(t('audit.detail.remaining', { count: details.remaining }))
  return parts.join(' ; ')
}

interface Props {
  ctx: ViewContext
  entries: JournalEntry[]
  next: string | null
  first: boolean
}

export function JournalPage({ ctx, entries, next, first }: Props) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      {entries.length === 0 ? (
        <p class="notice">{t('audit.empty')}</p>
      ) : (
        <ScrollRegion label={first ? t('audit.caption') : t('audit.captionOlder')}>
          <table>
            <caption>{first ? t('audit.caption') : t('audit.captionOlder')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.when')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.target')}</th>
                <th scope="col">{t('audit.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{formatDateTime(e.createdAt, locale)}</th>
                  <td>{actionLabel(t, e.action)}</td>
                  <td>{e.actorName ?? t('audit.nobody')}</td>
                  <td>{e.targetName ?? '–'}</td>
                  <td>{detail(t, e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {(!first || next) && (
        <nav aria-label={t('admin.pagination')}>
          <ul class="footer-links">
            {!first && (
              <li>
                <a href="/administration/journal">{t('audit.newest')}</a>
              </li>
            )}
            {next && (
              <li>
                <a href={`/administration/journal?avant=${encodeURIComponent(next)}`} rel="next">
                  {t('audit.older')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  )
}
