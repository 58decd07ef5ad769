import { defineEasyRead } from '../../platform/i18n/easy-read.ts'

/**
 * Answering a listing and deciding on an answer, in easy-to-read words (FALC): « dire oui / non »
 * rather than « accepter / décliner », « téléphone ou courriel » rather than « coordonnées ».
 */
export const matchEasyRead = defineEasyRead(
  {
    'match.respond.intro':
      'Écrivez un message à {name}. Le message passe par le site. Votre téléphone et votre adresse restent cachés pour le moment.',
    'match.respond.noAccount': 'Vous n’avez pas encore de compte ?',
    'match.respond.unverified':
      'Avant de répondre, ouvrez le courriel que nous vous avons envoyé. Cliquez sur le lien dans ce courriel. Cela protège les personnes qui demandent de l’aide.',
    'match.message.hint': 'Dites qui vous êtes. Dites comment vous pouvez aider. {max} lettres au plus.',
    'match.shares.legend':
      'Que voulez-vous montrer si la personne dit oui ? Vous pouvez aussi ne rien cocher.',
    'match.shares.hint':
      '{name} le voit seulement après avoir dit oui. Sans case cochée, vous continuez à vous écrire sur le site.',
    'match.shares.noPhoneHint': 'Vous voulez montrer votre téléphone ? Ajoutez-le d’abord dans votre profil.',
    'match.refused.closed': 'Cette annonce est fermée. Il est trop tard pour répondre.',
    'match.notice.sent': 'Votre réponse est envoyée. Nous vous prévenons quand la personne a choisi.',
    'match.explain.pending.author':
      '{name} veut vous aider. Vous pouvez dire oui ou non. Si vous dites oui, vous voyez le téléphone ou le courriel de {name}. Vous pouvez aussi écrire à {name} d’abord, plus bas.',
    'match.explain.pending.responder':
      '{name} va choisir. Si la réponse est oui, {name} voit ce que vous avez choisi de montrer : téléphone ou courriel.',
    'match.explain.accepted.author':
      'Vous avez dit oui. Vous voyez ce que {name} montre : téléphone ou courriel. Quand l’aide est faite, dites-le plus bas.',
    'match.explain.accepted.responder':
      '{name} a dit oui. Vous voyez ce que {name} montre : téléphone ou courriel. Quand l’aide est faite, dites-le plus bas.',
    'match.explain.declined.author': 'Vous avez dit non à cette réponse.',
    'match.explain.declined.responder': '{name} a dit non. Merci d’avoir proposé votre aide.',
    'match.explain.done': 'L’aide est faite. Merci à vous 2 !',
    'match.helper.new': 'Première aide sur le site',
    'match.helper.verified': 'Bénévole vérifié par l’équipe du site',
    'match.page.decide': 'Votre choix : oui ou non ?',
    'match.contacts.heading': 'Téléphone et courriel',
    'match.contacts.hidden':
      'Vous voyez le téléphone ou le courriel après le oui. En attendant, vous vous écrivez sur le site.',
    'match.accept.legend': 'Que voulez-vous montrer à {name} ?',
    'match.accept.hint':
      '{name} le voit dès que vous dites oui. Sans case cochée, vous continuez à vous écrire sur le site.',
    'match.accept.submit': 'Oui, j’accepte',
    'match.decline.reasonLabel': 'Pourquoi ? Vous pouvez laisser vide.',
    'match.decline.reasonHint': '{name} va lire ce texte. {max} lettres au plus.',
    'match.decline.submit': 'Non merci',
    'match.notice.accepted': 'Vous avez dit oui. Vous voyez maintenant le téléphone ou le courriel.',
    'match.notice.declined': 'Vous avez dit non.',
  },
  {
    'match.respond.intro':
      'Write a message to {name}. The message goes through the website. Your phone and your address stay hidden for now.',
    'match.respond.noAccount': 'You have no account yet?',
    'match.respond.unverified':
      'Before you answer, open the email we sent you. Click the link in this email. This protects the people who ask for help.',
    'match.message.hint': 'Say who you are. Say how you can help. {max} letters at most.',
    'match.shares.legend': 'What do you want to show if the person says yes? You can also tick nothing.',
    'match.shares.hint':
      '{name} sees it only after saying yes. With no box ticked, you keep writing on the website.',
    'match.shares.noPhoneHint': 'You want to show your phone? First add it to your profile.',
    'match.refused.closed': 'This listing is closed. It is too late to answer.',
    'match.notice.sent': 'Your answer is sent. We tell you when the person has chosen.',
    'match.explain.pending.author':
      '{name} wants to help you. You can say yes or no. If you say yes, you see the phone or the email of {name}. You can also write to {name} first, below.',
    'match.explain.pending.responder':
      '{name} will choose. If the answer is yes, {name} sees what you chose to show: phone or email.',
    'match.explain.accepted.author':
      'You said yes. You see what {name} shows: phone or email. When the help is done, say so below.',
    'match.explain.accepted.responder':
      '{name} said yes. You see what {name} shows: phone or email. When the help is done, say so below.',
    'match.explain.declined.author': 'You said no to this answer.',
    'match.explain.declined.responder': '{name} said no. Thank you for offering your help.',
    'match.explain.done': 'The help is done. Thank you both!',
    'match.helper.new': 'First help on the website',
    'match.helper.verified': 'Volunteer checked by the website’s team',
    'match.page.decide': 'Your choice: yes or no?',
    'match.contacts.heading': 'Phone and email',
    'match.contacts.hidden':
      'You see the phone or the email after the yes. Until then, you write on the website.',
    'match.accept.legend': 'What do you want to show {name}?',
    'match.accept.hint':
      '{name} sees it as soon as you say yes. With no box ticked, you keep writing on the website.',
    'match.accept.submit': 'Yes, I accept',
    'match.decline.reasonLabel': 'Why? You can leave it empty.',
    'match.decline.reasonHint': '{name} will read this text. {max} letters at most.',
    'match.decline.submit': 'No thank you',
    'match.notice.accepted': 'You said yes. You now see the phone or the email.',
    'match.notice.declined': 'You said no.',
  },
)
