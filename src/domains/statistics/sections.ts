import type { Translate } from '../../platform/i18n/i18n.ts'
import {
  ACTIVE,
  count,
  type DashboardData,
  type FigureRow,
  median,
  type Section,
  share,
  smallCount,
  total,
} from './dashboard-data.ts'
import { categoryTable, communeTable, headlineTable, type Table, weeklyTable } from './dashboard-tables.ts'
import { histogram, medianHours } from './figures.ts'
import { CategoriesSection } from './views/sections/CategoriesSection.tsx'
import { CommunesSection } from './views/sections/CommunesSection.tsx'
import { CountsSection } from './views/sections/CountsSection.tsx'
import { ListingsSection } from './views/sections/ListingsSection.tsx'
import { OutcomesSection } from './views/sections/OutcomesSection.tsx'
import { TrendsSection } from './views/sections/TrendsSection.tsx'
import { VolunteersSection } from './views/sections/VolunteersSection.tsx'

/** Counts of metrics, each under its words. */
const counts =
  (pairs: [metric: string, label: Parameters<Translate>[0]][]) =>
  (t: Translate, d: DashboardData): FigureRow[] =>
    pairs.map(([metric, label]) => count(t(label), total(d, metric)))

/** A total, then one count per outcome code of the owning domain. */
const byOutcome =
  (
    metric: string,
    label: Parameters<Translate>[0],
    outcomes: (d: DashboardData) => { code: string; label: string }[],
  ) =>
  (t: Translate, d: DashboardData): FigureRow[] => [
    count(t(label), total(d, metric)),
    ...outcomes(d).map((o) => count(o.label, total(d, `${metric}.${o.code}`))),
  ]

/**
 * The dashboard, section by section, in the order of the page. A feature that starts counting adds
 * its entry here (its metrics, its heading, its component) and touches no other section.
 */
export const sections: readonly Section[] = [
  {
    id: 'demandes',
    heading: 'dashboard.section.listings',
    metrics: [
      'ask.posted',
      'ask.answered',
      'ask.fulfilled',
      'offer.posted',
      'offer.answered',
      'offer.fulfilled',
    ],
    figures: (t, d) => {
      const asks = total(d, 'ask.posted')
      return [
        ...counts([
          ['ask.posted', 'dashboard.fig.asksPosted'],
          ['ask.answered', 'dashboard.fig.asksAnswered'],
          ['ask.fulfilled', 'dashboard.fig.asksFulfilled'],
          ['offer.posted', 'dashboard.fig.offersPosted'],
          ['offer.answered', 'dashboard.fig.offersAnswered'],
          ['offer.fulfilled', 'dashboard.fig.offersFulfilled'],
        ])(t, d),
        share(t, t('dashboard.fig.answered24h'), total(d, 'ask.answered-24h'), asks),
        share(t, t('dashboard.fig.answered72h'), total(d, 'ask.answered-72h'), asks),
        median(
          t,
          t('dashboard.fig.medianResponse'),
          medianHours(histogram(d.figures.totals, 'ask.response-h')),
        ),
        median(t, t('dashboard.fig.medianFulfil'), medianHours(histogram(d.figures.totals, 'ask.fulfil-h'))),
      ]
    },
    View: ListingsSection,
  },
  {
    id: 'benevoles',
    heading: 'dashboard.section.volunteers',
    metrics: [ACTIVE, 'account.created'],
    figures: (t, d) => [
      smallCount(t('dashboard.fig.activeVolunteers'), d.figures.activeVolunteers, d.volunteersHidden),
      count(t('dashboard.fig.signUps'), total(d, 'account.created')),
    ],
    View: VolunteersSection,
  },
  {
    id: 'associations',
    heading: 'dashboard.section.organisations',
    metrics: ['organisation.created', 'organisation.verified'],
    figures: counts([
      ['organisation.created', 'dashboard.fig.organisationsCreated'],
      ['organisation.verified', 'dashboard.fig.organisationsVerified'],
    ]),
    View: CountsSection,
  },
  {
    id: 'missions',
    heading: 'dashboard.section.missions',
    metrics: ['mission.posted', 'mission.slot-filled'],
    figures: counts([
      ['mission.posted', 'dashboard.fig.missionsPosted'],
      ['mission.slot-filled', 'dashboard.fig.slotsFilled'],
    ]),
    View: CountsSection,
  },
  {
    id: 'besoins',
    heading: 'dashboard.section.needs',
    metrics: ['need.posted', 'need.met'],
    figures: counts([
      ['need.posted', 'dashboard.fig.needsPosted'],
      ['need.met', 'dashboard.fig.needsMet'],
    ]),
    View: CountsSection,
  },
  {
    id: 'collectes',
    heading: 'dashboard.section.campaigns',
    metrics: ['campaign.made', 'campaign.distributed'],
    figures: counts([
      ['campaign.made', 'dashboard.fig.made'],
      ['campaign.distributed', 'dashboard.fig.distributed'],
    ]),
    View: CountsSection,
  },
  {
    id: 'appels',
    heading: 'dashboard.section.calls',
    metrics: ['call.made'],
    figures: byOutcome('call.made', 'dashboard.fig.callsMade', (d) => d.callOutcomes),
    View: OutcomesSection,
  },
  {
    id: 'ligne',
    heading: 'dashboard.section.phone',
    metrics: ['phone-case.opened', 'phone-case.closed'],
    figures: (t, d) => [
      count(t('dashboard.fig.casesOpened'), total(d, 'phone-case.opened')),
      ...byOutcome('phone-case.closed', 'dashboard.fig.casesClosed', (x) =>
        x.caseOutcomes.map((o) => ({
          code: o.code,
          label: t('dashboard.fig.closedAs', { outcome: o.label }),
        })),
      )(t, d),
    ],
    View: OutcomesSection,
  },
  { id: 'tendances', heading: 'dashboard.section.trends', metrics: ['ask.posted'], View: TrendsSection },
  {
    id: 'par-categorie',
    heading: 'dashboard.section.categories',
    metrics: ['ask.posted'],
    View: CategoriesSection,
  },
  {
    id: 'par-commune',
    heading: 'dashboard.section.communes',
    metrics: ['ask.posted', ACTIVE],
    View: CommunesSection,
  },
]

/** Nothing to say: every metric of the section is zero over the filter. */
export const isEmpty = (section: Section, d: DashboardData): boolean =>
  section.metrics.every((m) => total(d, m) === 0)

/** What the exports write: every section's headline figures, then the week, category and commune tables. */
export function exportTables(t: Translate, d: DashboardData): Table[] {
  return [headlineTable(t, d, sections), weeklyTable(t, d), categoryTable(t, d), communeTable(t, d)]
}
