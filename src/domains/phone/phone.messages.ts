import { defineMessages } from '../../platform/i18n/define.ts'

/** The words of a person's record as the line's agents type it, and its errors. */
export const phoneMessages = defineMessages(
  {
    'phone.error.firstNameRequired': 'Indiquez le prénom de la personne',
    'phone.error.lastNameRequired': 'Indiquez le nom de la personne',
    'phone.error.nameShape': 'Un nom s’écrit avec des lettres, des espaces, des apostrophes ou des tirets',
    'phone.error.phoneRequired': 'Indiquez le numéro de téléphone de la personne',
    'phone.error.phoneInvalid':
      'Ce numéro n’est pas un numéro de téléphone valide : écrivez par exemple 02 31 12 34 56 ou +33 2 31 12 34 56',
    'phone.error.communeRequired': 'Indiquez la commune de la personne (nom, ancien nom ou code postal)',
    'phone.error.sharedContact': 'Choisissez le numéro que le bénévole pourra recevoir',
    'phone.error.consentRequired':
      'Notez le consentement tel qu’il a été lu à la personne : sans son accord, rien n’est enregistré',
    'phone.error.tooLong': '{max} caractères au plus',
  },
  {
    'phone.error.firstNameRequired': 'Enter the person’s first name',
    'phone.error.lastNameRequired': 'Enter the person’s last name',
    'phone.error.nameShape': 'A name is written with letters, spaces, apostrophes or hyphens',
    'phone.error.phoneRequired': 'Enter the person’s phone number',
    'phone.error.phoneInvalid':
      'This is not a valid phone number: write for example 02 31 12 34 56 or +33 2 31 12 34 56',
    'phone.error.communeRequired': 'Enter the person’s commune (name, former name or postal code)',
    'phone.error.sharedContact': 'Choose the number the volunteer may receive',
    'phone.error.consentRequired':
      'Write down the consent as it was read to the person: without their agreement, nothing is recorded',
    'phone.error.tooLong': '{max} characters at most',
  },
)
