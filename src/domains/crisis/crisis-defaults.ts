import type { LocalisedText } from '../../platform/tenancy/territory.ts'
import type { CrisisKind } from './crisis.schema.ts'

interface DefaultTemplate {
  categorySlugs: string[]
  guidance: LocalisedText & { en: string }
  homeMessage: LocalisedText & { en: string }
}

/**
 * What each crisis opens, says on the banner and adds to its categories' listings, as a territory
 * starts with it; its administrators adjust them. Slugs the territory does not have are left out
 * when the template is seeded. Plain words: the banner is read by everyone, in a hurry.
 */
export const defaultTemplates: Record<CrisisKind, DefaultTemplate> = {
  epidemie: {
    categorySlugs: [
      'front-line-workers',
      'groceries-medicines',
      'phone-contact',
      'carer-lodging',
      'masks-equipment',
    ],
    homeMessage: {
      fr: 'Épidémie : restez chez vous si vous êtes malade, gardez les gestes barrières, et proposez votre aide à distance.',
      en: 'Epidemic: stay at home if you are ill, keep to barrier gestures, and offer your help from a distance.',
    },
    guidance: {
      fr: 'Pendant l’épidémie : déposez les courses devant la porte, gardez un mètre de distance et portez un masque.',
      en: 'During the epidemic: leave the shopping at the door, keep one metre apart and wear a mask.',
    },
  },
  canicule: {
    categorySlugs: ['phone-contact', 'groceries-medicines', 'transport'],
    homeMessage: {
      fr: 'Canicule : prenez des nouvelles de vos voisins âgés, buvez de l’eau régulièrement et restez au frais.',
      en: 'Heatwave: check on your elderly neighbours, drink water regularly and keep cool.',
    },
    guidance: {
      fr: 'Pendant la canicule : passez aux heures fraîches et apportez de l’eau. Si la personne a très chaud, est confuse ou ne répond pas, appelez le 15.',
      en: 'During the heatwave: go in the cool hours and bring water. If the person is very hot, confused or does not answer, call 15.',
    },
  },
  inondation: {
    categorySlugs: [
      'groceries-medicines',
      'carer-lodging',
      'transport',
      'equipment-lending',
      'phone-contact',
    ],
    homeMessage: {
      fr: 'Inondation : suivez les consignes de la préfecture, ne prenez pas la route dans les zones inondées et aidez vos voisins à mettre leurs affaires à l’abri.',
      en: 'Flood: follow the prefecture’s instructions, do not drive through flooded areas and help your neighbours move their belongings to safety.',
    },
    guidance: {
      fr: 'Pendant l’inondation : ne vous engagez jamais sur une route inondée, et coupez l’électricité avant d’entrer dans un lieu inondé.',
      en: 'During the flood: never drive onto a flooded road, and switch off the electricity before entering a flooded place.',
    },
  },
  tempete: {
    categorySlugs: ['phone-contact', 'groceries-medicines', 'repairs', 'equipment-lending'],
    homeMessage: {
      fr: 'Tempête : restez chez vous pendant l’alerte, puis prenez des nouvelles de vos voisins.',
      en: 'Storm: stay at home during the alert, then check on your neighbours.',
    },
    guidance: {
      fr: 'Après la tempête : ne touchez pas aux câbles tombés et ne montez pas sur les toits ; ces travaux sont pour les professionnels.',
      en: 'After the storm: do not touch fallen cables and do not climb on roofs; leave that work to professionals.',
    },
  },
  'grand-froid': {
    categorySlugs: ['phone-contact', 'groceries-medicines', 'transport', 'carer-lodging'],
    homeMessage: {
      fr: 'Grand froid : prenez des nouvelles des personnes seules, et appelez le 115 si vous voyez quelqu’un à la rue.',
      en: 'Extreme cold: check on people living alone, and call 115 if you see someone sleeping rough.',
    },
    guidance: {
      fr: 'Pendant le grand froid : vérifiez que la personne est chauffée et a de quoi manger ; pour une personne à la rue, appelez le 115.',
      en: 'During the extreme cold: check the person is heated and has food; for someone sleeping rough, call 115.',
    },
  },
}
