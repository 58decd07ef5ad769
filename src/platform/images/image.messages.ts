import { defineMessages } from '../i18n/define.ts'

export const imageMessages = defineMessages(
  {
    'image.error.missing': 'Choisissez un fichier image (JPEG, PNG, WebP ou GIF).',
    'image.error.notImage': 'Ce fichier n’est pas une image (formats acceptés : JPEG, PNG, WebP, GIF).',
    'image.error.tooLarge': 'L’image dépasse 2 Mo.',
    'image.error.tooManyPixels':
      'L’image a trop de pixels (50 millions au plus) : réduisez-la avant de l’envoyer.',
    'image.error.damaged':
      'L’image est incomplète ou abîmée : enregistrez-la de nouveau ou choisissez-en une autre.',
  },
  {
    'image.error.missing': 'Choose an image file (JPEG, PNG, WebP or GIF).',
    'image.error.notImage': 'This file is not an image (accepted formats: JPEG, PNG, WebP, GIF).',
    'image.error.tooLarge': 'The image is larger than 2 MB.',
    'image.error.tooManyPixels':
      'The image has too many pixels (50 million at most): shrink it before sending it.',
    'image.error.damaged': 'The image is incomplete or damaged: save it again or choose another one.',
  },
)
