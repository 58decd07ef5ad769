import type { Permission } from '../../../../platform/auth/permissions.ts'
import type { MessageKey } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { StaffRole } from '../../identity/account.schema.ts'
import { ROLE_DESCRIPTION, ROLE_LABEL } from '../staff.ts'

/** The tools of the administration area, each shown only to those whose permissions open it. */
const TOOLS: { href: string; permission: Permission; title: MessageKey; hint: MessageKey }[] = [
  {
    href: '/administration/comptes',
    permission: 'account:manage',
    title: 'admin.home.accounts',
    hint: 'admin.home.accounts.hint',
  },
  {
    href: '/administration/equipe',
    permission: 'staff:manage',
    title: 'admin.home.team',
    hint: 'admin.home.team.hint',
  },
  {
    href: '/administration/moderation',
    permission: 'moderation:review',
    title: 'queue.title',
    hint: 'queue.home.hint',
  },
  {
    href: '/administration/annonces-retenues',
    permission: 'listing:moderate',
    title: 'admin.home.held',
    hint: 'admin.home.held.hint',
  },
  // Missions and needs build on accounts: their pages are named here by address only.
  {
    href: '/administration/missions-retenues',
    permission: 'listing:moderate',
    title: 'admin.home.heldMissions',
    hint: 'admin.home.heldMissions.hint',
  },
  {
    href: '/administration/besoins-retenus',
    permission: 'listing:moderate',
    title: 'admin.home.heldNeeds',
    hint: 'admin.home.heldNeeds.hint',
  },
  {
    href: '/administration/signalements',
    permission: 'report:review',
    title: 'report.admin.title',
    hint: 'report.admin.hint',
  },
  {
    href: '/administration/moderation/recours',
    permission: 'moderation:review',
    title: 'appealReview.link',
    hint: 'appealReview.hint',
  },
  {
    href: '/administration/benevoles-verifies',
    permission: 'volunteer:verify',
    title: 'volunteer.admin.title',
    hint: 'volunteer.admin.hint',
  },
  {
    href: '/administration/demandes-sans-reponse',
    permission: 'volunteers:dispatch',
    title: 'dispatch.list.title',
    hint: 'dispatch.list.hint',
  },
  {
    href: '/administration/accueil-telephonique',
    permission: 'phone:intake',
    title: 'admin.home.phoneLine',
    hint: 'admin.home.phoneLine.hint',
  },
  {
    href: '/administration/organisations',
    permission: 'organisation:verify',
    title: 'organisation.admin.title',
    hint: 'organisation.admin.hint',
  },
  {
    href: '/producteurs',
    permission: 'home:highlight',
    title: 'producers.highlight.admin',
    hint: 'producers.highlight.adminHint',
  },
  {
    href: '/administration/categories',
    permission: 'category:manage',
    title: 'category.admin.title',
    hint: 'admin.home.categories.hint',
  },
  {
    href: '/administration/collectes',
    permission: 'campaign:manage',
    title: 'admin.home.campaigns',
    hint: 'admin.home.campaigns.hint',
  },
  // The territories domain's pages, named by address only.
  {
    href: '/administration/territoire',
    permission: 'territory:configure',
    title: 'settings.title',
    hint: 'settings.hint',
  },
  {
    href: '/administration/ligne-telephonique',
    permission: 'helpline:configure',
    title: 'helpline.admin.title',
    hint: 'helpline.admin.hint',
  },
  {
    href: '/administration/moderation/relecture',
    permission: 'moderation:configure',
    title: 'reviewPolicy.title',
    hint: 'reviewPolicy.hint.home',
  },
  {
    href: '/administration/points-d-aide',
    permission: 'helpline:configure',
    title: 'helpPoint.admin.title',
    hint: 'helpPoint.admin.hint',
  },
  {
    href: '/administration/appels',
    permission: 'calls:coordinate',
    title: 'calls.coordinate.title',
    hint: 'calls.admin.hint',
  },
  {
    href: '/administration/appels/inscription',
    permission: 'phone:intake',
    title: 'calls.coordinate.registerByPhone',
    hint: 'calls.admin.registerHint',
  },
  // Crisis mode builds on accounts too: its pages are named here by address only.
  {
    href: '/administration/crise',
    permission: 'crisis:manage',
    title: 'crisis.title',
    hint: 'crisis.admin.hint',
  },
  {
    href: '/administration/crise/appels',
    permission: 'volunteers:callout',
    title: 'callout.list.title',
    hint: 'callout.admin.hint',
  },
  // The bilan sits at the top of the domains: its dashboard is named here by address only.
  {
    href: '/administration/bilan',
    permission: 'statistics:read',
    title: 'dashboard.title',
    hint: 'dashboard.home.hint',
  },
  {
    href: '/administration/journal',
    permission: 'audit:read',
    title: 'admin.home.journal',
    hint: 'admin.home.journal.hint',
  },
]

interface Props {
  ctx: ViewContext
  roles: StaffRole[]
  permissions: Set<Permission>
}

export function StaffHomePage({ ctx, roles, permissions }: Props) {
  const { t } = ctx
  const tools = TOOLS.filter((tool) => permissions.has(tool.permission))
  return (
    <Layout ctx={ctx} title={t('admin.home.title')}>
      <h1>{t('admin.home.title')}</h1>
      <h2>{t('admin.home.yourRoles')}</h2>
      <dl>
        {roles.map((role) => (
          <div key={role}>
            <dt>{t(ROLE_LABEL[role])}</dt>
            <dd>{t(ROLE_DESCRIPTION[role])}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('admin.home.tools')}</h2>
      {tools.length > 0 ? (
        <ul class="results">
          {tools.map((tool) => (
            <li key={tool.href}>
              <a href={tool.href}>{t(tool.title)}</a>
              <span class="hint">{t(tool.hint)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('admin.home.noTools')}</p>
      )}
    </Layout>
  )
}
