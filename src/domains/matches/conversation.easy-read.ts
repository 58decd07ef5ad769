import { defineEasyRead } from '../../platform/i18n/easy-read.ts'

/** The messages between the two people of an answer, in easy-to-read words (FALC). */
export const conversationEasyRead = defineEasyRead(
  {
    'conversation.page.title': 'Vos messages avec {name}',
    'conversation.page.back': 'Revenir à la réponse',
    'conversation.safety.money':
      'L’aide est gratuite. Gardez votre argent et votre carte bancaire pour vous.',
    'conversation.safety.meet':
      'La première fois, retrouvez-vous dans un lieu public. Vous pouvez aussi venir avec une personne de confiance.',
    'conversation.safety.report': 'Un message vous inquiète ? Cliquez sur « Signaler », sous ce message.',
    'conversation.list': 'Les messages',
    'conversation.empty': 'Écrivez le premier message.',
    'conversation.seen': 'Message lu',
    'conversation.body.hint': '{max} lettres au plus. Gardez vos informations bancaires pour vous.',
    'conversation.closed.declined': 'Cette conversation est fermée : la personne a dit non.',
    'conversation.closed.withdrawn': 'Cette conversation est fermée : la personne a retiré sa réponse.',
    'conversation.closed.cancelled': 'Cette conversation est fermée : l’aide est annulée.',
    'conversation.closed.unverified':
      'Pour écrire, ouvrez le courriel que nous vous avons envoyé. Cliquez sur le lien dans ce courriel.',
  },
  {
    'conversation.page.title': 'Your messages with {name}',
    'conversation.page.back': 'Go back to the answer',
    'conversation.safety.money': 'Help is free. Keep your money and your bank card to yourself.',
    'conversation.safety.meet':
      'The first time, meet in a public place. You can also bring someone you trust.',
    'conversation.safety.report': 'A message worries you? Click “Report”, under this message.',
    'conversation.list': 'The messages',
    'conversation.empty': 'Write the first message.',
    'conversation.seen': 'Message read',
    'conversation.body.hint': '{max} letters at most. Keep your bank details to yourself.',
    'conversation.closed.declined': 'This conversation is closed: the person said no.',
    'conversation.closed.withdrawn': 'This conversation is closed: the person took back their answer.',
    'conversation.closed.cancelled': 'This conversation is closed: the help is cancelled.',
    'conversation.closed.unverified': 'To write, open the email we sent you. Click the link in this email.',
  },
)
