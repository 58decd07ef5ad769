import { defineEasyRead } from '../../platform/i18n/easy-read.ts'

/**
 * The home page and the two doors (« J’ai besoin d’aide », « Je veux aider ») in easy-to-read
 * words (FALC): short sentences, one idea each, everyday words, numbers in digits.
 */
export const territoryEasyRead = defineEasyRead(
  {
    'home.intro':
      'Ici, des voisins s’aident. L’aide est gratuite. Par exemple : faire des courses, passer un appel.',
    'home.doors': 'Que voulez-vous faire ?',
    'home.needHelp.hint': 'Vous avez besoin d’aide. Par exemple pour des courses ou pour l’ordinateur.',
    'home.wantToHelp.hint': 'Vous voulez aider une personne près de chez vous.',
    'home.how.title': 'Comment faire ?',
    'home.how.step1': 'Vous écrivez ce dont vous avez besoin. Ou vous écrivez ce que vous savez faire.',
    'home.how.step2': 'Un voisin vous répond sur le site. Une association peut aussi vous répondre.',
    'home.how.step3': 'Vous êtes d’accord tous les 2 ? Alors vous pouvez donner votre numéro de téléphone.',
    'home.phone.title': 'Vous n’avez pas internet ?',
    'home.phone.body':
      'Une personne de votre famille peut faire la demande pour vous. Vous pouvez aussi écrire {institutionTo}. Voici l’adresse :',
    'helpline.home.near': 'Trouver de l’aide près de chez vous',
    'helpline.home.nearHint': 'Par exemple à la mairie. Les lieux sont rangés par commune.',
    'helpline.home.relative': 'Une personne de votre famille peut aussi faire la demande pour vous.',
    'helpline.write': 'Vous pouvez aussi écrire {institutionTo}. Voici l’adresse :',
    'door.need.intro':
      'Vous pouvez demander de l’aide pour vous. Vous pouvez aussi demander pour une personne proche de vous.',
    'door.need.online':
      'Sur internet, il y a 2 étapes. D’abord, vous créez un compte. Ensuite, vous écrivez ce dont vous avez besoin. Des voisins vous répondent.',
    'door.need.post': 'Écrire ma demande',
    'door.help.intro':
      'Tout le monde peut aider. Par exemple : faire des courses, appeler une personne seule, réparer, jardiner.',
    'door.help.steps':
      'Créez un compte. Écrivez votre commune. Écrivez ce que vous savez faire. Nous vous prévenons quand une personne près de chez vous a besoin d’aide.',
    'door.safety.money': 'L’aide est gratuite. Gardez votre argent et votre carte bancaire pour vous.',
    'door.safety.meet':
      'La première fois, retrouvez la personne dans un lieu public. Vous pouvez aussi venir avec une personne de confiance.',
  },
  {
    'home.intro':
      'Here, neighbours help each other. Help is free. For example: doing the shopping, making a call.',
    'home.doors': 'What do you want to do?',
    'home.needHelp.hint': 'You need help. For example with shopping or with the computer.',
    'home.wantToHelp.hint': 'You want to help someone near where you live.',
    'home.how.title': 'How does it work?',
    'home.how.step1': 'You write what you need. Or you write what you can do.',
    'home.how.step2': 'A neighbour answers you on the website. An association can also answer you.',
    'home.how.step3': 'You both agree? Then you can give your phone number.',
    'home.phone.title': 'You have no internet?',
    'home.phone.body':
      'Someone in your family can ask for you. You can also write {institutionTo}. Here is the address:',
    'helpline.home.near': 'Find help near where you live',
    'helpline.home.nearHint': 'For example at the town hall. The places are listed by town.',
    'helpline.home.relative': 'Someone in your family can also ask for you.',
    'helpline.write': 'You can also write {institutionTo}. Here is the address:',
    'door.need.intro': 'You can ask for help for yourself. You can also ask for someone close to you.',
    'door.need.online':
      'On the internet, there are 2 steps. First, you create an account. Then, you write what you need. Neighbours answer you.',
    'door.need.post': 'Write what I need',
    'door.help.intro':
      'Everyone can help. For example: doing the shopping, calling someone who is alone, repairing, gardening.',
    'door.help.steps':
      'Create an account. Write your town. Write what you can do. We tell you when someone near you needs help.',
    'door.safety.money': 'Help is free. Keep your money and your bank card to yourself.',
    'door.safety.meet':
      'The first time, meet the person in a public place. You can also bring someone you trust.',
  },
)
