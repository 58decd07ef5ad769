import { defineMessages } from '../i18n/define.ts'

export const installableMessages = defineMessages(
  {
    'offline.title': 'Vous êtes hors ligne',
    'offline.lead': 'Cette page ne peut pas s’afficher sans connexion à internet.',
    'offline.canDo': 'Ce que vous pouvez faire',
    'offline.retry': 'Réessayez dans un moment, quand la connexion revient.',
    'offline.ownPages':
      'Si vous étiez connecté·e sur cet appareil, vos annonces et vos mises en relation déjà consultées restent lisibles, sans pouvoir y répondre :',
    'offline.myListings': 'Mes annonces',
    'offline.myMatches': 'Mes mises en relation',
    'offline.phone': 'Pas d’internet ? Appelez l’accueil téléphonique au',
    'offline.hours': 'Horaires : {hours}.',
    'offline.home': 'Revenir à l’accueil',
  },
  {
    'offline.title': 'You are offline',
    'offline.lead': 'This page cannot be shown without an internet connection.',
    'offline.canDo': 'What you can do',
    'offline.retry': 'Try again in a moment, once the connection is back.',
    'offline.ownPages':
      'If you were signed in on this device, your listings and your matches already viewed can still be read, but not answered:',
    'offline.myListings': 'My listings',
    'offline.myMatches': 'My matches',
    'offline.phone': 'No internet? Call the phone line on',
    'offline.hours': 'Hours: {hours}.',
    'offline.home': 'Back to the home page',
  },
)
