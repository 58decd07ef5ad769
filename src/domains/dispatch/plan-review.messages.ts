import { defineMessages } from '../../platform/i18n/define.ts'

/** What became of each pair once a plan is sent: said in words rather than by a greyed-out box. */
export const planReviewMessages = defineMessages(
  {
    'dispatch.plan.col.review': 'Après relecture',
    'dispatch.plan.pair.kept': 'gardée',
    'dispatch.plan.pair.removed': 'retirée : rien n’est parti',
  },
  {
    'dispatch.plan.col.review': 'After review',
    'dispatch.plan.pair.kept': 'kept',
    'dispatch.plan.pair.removed': 'removed: nothing was sent',
  },
)
