import { defineMessages } from '../../platform/i18n/define.ts'

export const followUpMessages = defineMessages(
  {
    'followUp.tips.title': 'Votre demande n’a pas encore de réponse',
    'followUp.tips.intro':
      'Cela arrive, surtout dans les petites communes ou pour une aide précise. Quelques idées pour que votre demande trouve quelqu’un :',
    'followUp.tips.clearer.title': 'Rendez-la plus claire',
    'followUp.tips.clearer.text':
      'Un titre qui dit ce dont vous avez besoin et où, par exemple « Courses le samedi matin à Bayeux ». Dites quand, et combien de temps cela prend à peu près.',
    'followUp.tips.wider.title': 'Élargissez-la',
    'followUp.tips.wider.text':
      'Des dates plus souples, une période plus longue, ou une commune voisine où il est facile de vous rejoindre. Une aide plus petite pour commencer trouve plus vite.',
    'followUp.tips.around.title': 'Parlez-en autour de vous',
    'followUp.tips.around.text':
      'Vos voisins, votre mairie, une association de votre commune (centre social, club, épicerie solidaire) connaissent souvent quelqu’un qui peut aider.',
    'followUp.tips.team.title': 'Demandez à l’équipe de la plateforme',
    'followUp.tips.team.text':
      'L’équipe voit les demandes restées sans réponse et peut vous orienter. Écrivez-lui à {email}.',
    'followUp.tips.edit': 'Modifier ma demande',
    'followUp.tips.free':
      'L’aide sur {platform} est toujours gratuite : ne payez jamais personne pour une réponse.',
  },
  {
    'followUp.tips.title': 'Your ask has no response yet',
    'followUp.tips.intro':
      'It happens, especially in small communes or for specific help. A few ideas so that your ask finds someone:',
    'followUp.tips.clearer.title': 'Make it clearer',
    'followUp.tips.clearer.text':
      'A title that says what you need and where, for example “Shopping on Saturday morning in Bayeux”. Say when, and roughly how long it takes.',
    'followUp.tips.wider.title': 'Widen it',
    'followUp.tips.wider.text':
      'More flexible dates, a longer period, or a nearby commune that is easy to reach. A smaller help to start with finds someone sooner.',
    'followUp.tips.around.title': 'Talk about it around you',
    'followUp.tips.around.text':
      'Your neighbours, your town hall, an association of your commune (social centre, club, community grocery) often know someone who can help.',
    'followUp.tips.team.title': 'Ask the platform’s team',
    'followUp.tips.team.text':
      'The team sees the asks left without a response and can point you in the right direction. Write to {email}.',
    'followUp.tips.edit': 'Edit my ask',
    'followUp.tips.free': 'Help on {platform} is always free: never pay anyone for a response.',
  },
)
