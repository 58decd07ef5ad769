import { defineMessages } from '../../platform/i18n/define.ts'

/** What the author of a held listing reads: why, in plain words, and what happens next. */
export const freeHelpMessages = defineMessages(
  {
    'freeHelp.reason.price':
      'Votre annonce parle d’argent ou de prix : sur la plateforme, l’aide est toujours gratuite. Un modérateur va la relire.',
    'freeHelp.reason.payment':
      'Votre annonce parle d’être payé ou de payer quelqu’un : ici, aucun argent ne change de mains. Un modérateur va la relire.',
    'freeHelp.reason.bank':
      'Votre annonce parle de coordonnées bancaires ou de paiement en ligne : ne les donnez jamais et ne les demandez jamais ici. Un modérateur va la relire.',
    'freeHelp.reason.sale':
      'Votre annonce parle de vendre ou de louer : la plateforme sert à donner, prêter ou aider gratuitement. Un modérateur va la relire.',
    'freeHelp.reason.costs':
      'Votre annonce parle de partager des frais, d’une participation ou d’un remboursement : ici, l’aide est offerte, sans argent même pour l’essence. Un modérateur va la relire.',
    'freeHelp.reason.moneyRequest':
      'Votre annonce demande de l’argent (un prêt, un don, une cagnotte) : la plateforme ne sert pas à cela. Pour une difficulté d’argent, le Département peut vous orienter. Un modérateur va la relire.',
    'freeHelp.reason.paidWork':
      'Votre annonce parle d’un travail payé : la plateforme met en relation des bénévoles. Un modérateur va la relire.',
  },
  {
    'freeHelp.reason.price':
      'Your listing mentions money or prices: on this platform, help is always free. A moderator will read it.',
    'freeHelp.reason.payment':
      'Your listing mentions being paid or paying someone: here, no money changes hands. A moderator will read it.',
    'freeHelp.reason.bank':
      'Your listing mentions bank details or online payment: never give or ask for them here. A moderator will read it.',
    'freeHelp.reason.sale':
      'Your listing mentions selling or renting: the platform is for giving, lending or helping for free. A moderator will read it.',
    'freeHelp.reason.costs':
      'Your listing mentions sharing costs, a contribution or being paid back: here, help is given, with no money even for fuel. A moderator will read it.',
    'freeHelp.reason.moneyRequest':
      'Your listing asks for money (a loan, a gift, a fundraiser): the platform is not for that. For money difficulties, the Département can point you to help. A moderator will read it.',
    'freeHelp.reason.paidWork':
      'Your listing mentions paid work: the platform connects volunteers. A moderator will read it.',
  },
)
