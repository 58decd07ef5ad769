import type { LocalisedText } from '../../platform/tenancy/territory.ts'
import type { IconName } from './icons.tsx'

export interface DefaultCategory {
  /** stable: account interests name categories by slug */
  slug: string
  name: LocalisedText & { en: string }
  description: LocalisedText & { en: string }
  guidance: LocalisedText & { en: string }
  icon: IconName
  crisis: boolean
  needsVerifiedVolunteer: boolean
}

// Every category repeats the rule of the platform: no money ever, because scams aimed at
// isolated people start with a small payment or bank details.
const NO_MONEY = {
  fr: 'Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.',
  en: 'Never give money or your bank details: help is always free.',
}
const guidance = (extra: { fr: string; en: string }) => ({
  fr: `${extra.fr} ${NO_MONEY.fr}`,
  en: `${extra.en} ${NO_MONEY.en}`,
})

/**
 * The categories of the product, in the order a new territory shows them. Everyday help is open
 * from the start; those flagged `crisis` (front-line workers, carers' lodging, masks) exist only for
 * a crisis: closed by default, opened by a crisis template and closed again when it ends, so that
 * no ordinary day speaks of a lockdown. Crisis advice (barrier gestures…) is the crisis template's,
 * shown above the category's own while the crisis lasts.
 */
export const defaultCategories: readonly DefaultCategory[] = [
  {
    slug: 'front-line-workers',
    name: { fr: 'Aide aux soignants et travailleurs en première ligne', en: 'Help for front-line workers' },
    description: {
      fr: 'Courses, garde, petits services pour celles et ceux qui travaillent pendant la crise.',
      en: 'Groceries, childcare and small services for those who keep working through the crisis.',
    },
    guidance: guidance({
      fr: 'Déposez ce que vous apportez devant la porte plutôt que d’entrer.',
      en: 'Leave what you bring at the door rather than going in.',
    }),
    icon: 'heart',
    crisis: true,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'groceries-medicines',
    name: { fr: 'Courses de première nécessité et médicaments', en: 'Essential groceries and medicines' },
    description: {
      fr: 'Faire les courses ou aller chercher des médicaments pour une personne qui ne peut pas sortir.',
      en: 'Shopping or collecting medicines for someone who cannot go out.',
    },
    guidance: guidance({
      fr: 'La personne aidée règle ses achats elle-même, au commerçant ou à la pharmacie ; gardez le ticket.',
      en: 'The person helped pays the shop or pharmacy directly; keep the receipt.',
    }),
    icon: 'basket',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'phone-contact',
    name: { fr: 'Contact téléphonique et écoute', en: 'Phone contact and listening' },
    description: {
      fr: 'Appeler régulièrement une personne isolée pour prendre des nouvelles et discuter.',
      en: 'Calling an isolated person regularly to check in and chat.',
    },
    guidance: guidance({
      fr: 'En cas d’inquiétude pour la santé de la personne, appelez le 15 ou le 112.',
      en: 'If you are worried about the person’s health, call 15 or 112.',
    }),
    icon: 'phone',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'carer-lodging',
    name: { fr: 'Hébergement des soignants', en: 'Lodging for carers' },
    description: {
      fr: 'Prêter un logement libre à un soignant qui travaille loin de chez lui.',
      en: 'Lending a vacant home to a carer working far from their own.',
    },
    guidance: guidance({
      fr: 'Seuls des bénévoles vérifiés par le Département peuvent répondre ; convenez des clés et de la durée par écrit.',
      en: 'Only volunteers verified by the Département may respond; agree on keys and dates in writing.',
    }),
    icon: 'home',
    crisis: true,
    needsVerifiedVolunteer: true,
  },
  {
    slug: 'masks-equipment',
    name: {
      fr: 'Fabrication et don de masques et d’équipements de protection',
      en: 'Making and giving masks and protective equipment',
    },
    description: {
      fr: 'Coudre des masques, donner des blouses, des visières ou du tissu à qui en a besoin.',
      en: 'Sewing masks, giving gowns, visors or fabric to those who need them.',
    },
    guidance: guidance({
      fr: 'Suivez le patron et les règles de lavage recommandés par les autorités.',
      en: 'Follow the pattern and washing rules recommended by the authorities.',
    }),
    icon: 'mask',
    crisis: true,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'digital-help',
    name: { fr: 'Aide informatique et numérique', en: 'IT and digital help' },
    description: {
      fr: 'Installer un appareil, faire une visio, remplir une démarche en ligne.',
      en: 'Setting up a device, making a video call, completing a form online.',
    },
    guidance: guidance({
      fr: 'Ne demandez et ne notez jamais les mots de passe de la personne aidée.',
      en: 'Never ask for or write down the password of the person you help.',
    }),
    icon: 'computer',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'homework',
    name: { fr: 'Aide aux devoirs et soutien scolaire', en: 'Homework and school support' },
    description: {
      fr: 'Accompagner un élève dans ses devoirs, à distance ou dans un lieu public.',
      en: 'Helping a pupil with homework, remotely or in a public place.',
    },
    guidance: guidance({
      fr: 'Un parent reste présent ou joignable pendant la séance.',
      en: 'A parent stays present or reachable during the session.',
    }),
    icon: 'book',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'childcare',
    name: { fr: 'Garde d’enfants', en: 'Childcare' },
    description: {
      fr: 'Garder ponctuellement des enfants, notamment ceux des personnes qui travaillent.',
      en: 'Looking after children now and then, especially those of people at work.',
    },
    guidance: guidance({
      fr: 'Seuls des bénévoles vérifiés par le Département peuvent répondre ; rencontrez-vous d’abord avec les parents.',
      en: 'Only volunteers verified by the Département may respond; meet with the parents first.',
    }),
    icon: 'child',
    crisis: false,
    needsVerifiedVolunteer: true,
  },
  {
    slug: 'pets',
    name: { fr: 'Promenade et garde d’animaux', en: 'Pet walking and care' },
    description: {
      fr: 'Promener un chien, nourrir un chat pendant une hospitalisation ou une absence.',
      en: 'Walking a dog, feeding a cat during a hospital stay or an absence.',
    },
    guidance: guidance({
      fr: 'Demandez le carnet de santé et le numéro du vétérinaire.',
      en: 'Ask for the health record and the vet’s number.',
    }),
    icon: 'paw',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'know-how',
    name: { fr: 'Partage de savoir-faire', en: 'Sharing know-how' },
    description: {
      fr: 'Transmettre ce que l’on sait faire : cuisine, couture, langues, jardinage…',
      en: 'Passing on what you know: cooking, sewing, languages, gardening…',
    },
    guidance: guidance({
      fr: 'Pour une première rencontre, choisissez un lieu public.',
      en: 'For a first meeting, choose a public place.',
    }),
    icon: 'lightbulb',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'repairs',
    name: { fr: 'Petites réparations et bricolage', en: 'Small repairs and DIY' },
    description: {
      fr: 'Changer une ampoule, monter un meuble, réparer un petit appareil.',
      en: 'Changing a bulb, assembling furniture, fixing a small appliance.',
    },
    guidance: guidance({
      fr: 'Pas de travaux d’électricité ou de gaz : ils relèvent d’un professionnel.',
      en: 'No electrical or gas work: that is for a professional.',
    }),
    icon: 'tools',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'equipment-lending',
    name: { fr: 'Prêt de matériel', en: 'Lending equipment' },
    description: {
      fr: 'Prêter un outil, un siège auto, un fauteuil roulant, une tondeuse…',
      en: 'Lending a tool, a car seat, a wheelchair, a lawnmower…',
    },
    guidance: guidance({
      fr: 'Convenez de la date de retour ; aucune caution en argent.',
      en: 'Agree on a return date; no cash deposit.',
    }),
    icon: 'box',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'transport',
    name: { fr: 'Transport et accompagnement', en: 'Transport and accompaniment' },
    description: {
      fr: 'Accompagner une personne à un rendez-vous médical, à la gare, aux courses.',
      en: 'Taking someone to a medical appointment, the station or the shops.',
    },
    guidance: guidance({
      fr: 'Vérifiez que votre assurance couvre les passagers ; pas de participation aux frais.',
      en: 'Check that your insurance covers passengers; no sharing of costs.',
    }),
    icon: 'car',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
  {
    slug: 'gardening',
    name: { fr: 'Jardinage', en: 'Gardening' },
    description: {
      fr: 'Tondre, désherber, tailler une haie pour une personne qui ne peut plus le faire.',
      en: 'Mowing, weeding, trimming a hedge for someone who no longer can.',
    },
    guidance: guidance({
      fr: 'Utilisez le matériel de la personne aidée ou le vôtre, jamais contre rémunération.',
      en: 'Use the helped person’s tools or your own, never for payment.',
    }),
    icon: 'leaf',
    crisis: false,
    needsVerifiedVolunteer: false,
  },
]

/** The rows a new territory starts with, positioned in the order above. */
export function defaultCategoryRows(territoryId: string, ids: () => string) {
  return defaultCategories.map((d, position) => ({
    id: ids(),
    territoryId,
    ...d,
    active: !d.crisis,
    position,
  }))
}
