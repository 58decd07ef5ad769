import { defineMessages } from '../../platform/i18n/define.ts'

/** The words of the decisions, their refusals and the person's mails, French and English. */
export const decisionMessages = defineMessages(
  {
    'decision.title': 'Décider',
    'decision.legend': 'Décision',
    'decision.publish': 'Publier',
    'decision.reject': 'Refuser la publication',
    'decision.change': 'Demander une modification',
    'decision.hide': 'Masquer le contenu',
    'decision.dismiss': 'Classer sans suite (signalement infondé)',
    'decision.warn': 'Avertir la personne',
    'decision.suspend': 'Suspendre le compte',
    'decision.ban': 'Exclure définitivement',
    'decision.reason.label': 'Motif',
    'decision.reason.hint': 'Obligatoire pour toute décision qui concerne la personne ; il lui est envoyé.',
    'decision.reason.placeholder': 'Choisissez un motif',
    'decision.reason.commerce': 'Vente ou activité commerciale',
    'decision.reason.money-request': 'Demande d’argent',
    'decision.reason.scam': 'Arnaque',
    'decision.reason.abuse': 'Propos insultants',
    'decision.reason.harassment': 'Harcèlement',
    'decision.reason.danger': 'Danger pour une personne',
    'decision.reason.personal-data': 'Données personnelles exposées',
    'decision.reason.off-topic': 'Hors du sujet de l’entraide',
    'decision.reason.impersonation': 'Usurpation d’identité',
    'decision.reason.other': 'Autre motif',
    'decision.explanation.label': 'Votre explication à la personne',
    'decision.explanation.hint':
      'Dites ce qui pose problème et, pour une modification, ce qu’il faut changer. {max} caractères au plus ; la personne la reçoit par courriel.',
    'decision.days.label': 'Durée de la suspension',
    'decision.days.hint': 'Seulement pour une suspension.',
    'decision.days.placeholder': 'Choisissez une durée',
    'decision.days.one': '{count} jour',
    'decision.days.many': '{count} jours',
    'decision.submit': 'Appliquer la décision',
    'decision.error.decision': 'Choisissez une décision de la liste.',
    'decision.error.reason': 'Choisissez le motif de la décision dans la liste.',
    'decision.error.explanation': 'Écrivez votre explication à la personne.',
    'decision.error.tooLong': 'L’explication dépasse {max} caractères.',
    'decision.error.days': 'Choisissez la durée de la suspension : 1, 3, 7 ou 30 jours.',
    'decision.error.version': 'La page est incomplète : rouvrez l’élément avant de décider.',
    'decision.refused.decided': 'Cet élément a déjà été traité par {name}. Rien n’a été modifié.',
    'decision.refused.stale':
      'Cet élément a changé depuis votre lecture (un nouveau signalement, une autre prise en charge) : relisez-le avant de décider. Rien n’a été modifié.',
    'decision.refused.claimed':
      'Pris en charge par {name} : vous pourrez décider quand cette prise en charge aura pris fin. Rien n’a été modifié.',
    'decision.refused.withdrawn': 'Cet élément a quitté la file entre-temps. Rien n’a été modifié.',
    'decision.refused.self': 'Vous ne pouvez pas prendre de décision vous concernant. Rien n’a été modifié.',
    'decision.refused.rank':
      'Vous ne pouvez pas sanctionner un membre de l’équipe de rang égal ou supérieur au vôtre. Rien n’a été modifié.',
    'decision.refused.noPerson': 'Aucune personne n’est liée à cet élément. Rien n’a été modifié.',
    'decision.refused.subjectChanged':
      'Le contenu a changé d’état depuis votre lecture (retiré, publié ou déjà masqué). Rien n’a été modifié.',
    'decision.mail.subject': 'Une décision de modération vous concerne',
    'decision.mail.greeting': 'Bonjour {name},',
    'decision.mail.what.reject':
      'L’équipe de modération de {platform} a refusé la publication de votre contenu {subject}.',
    'decision.mail.what.change':
      'L’équipe de modération de {platform} vous demande de modifier votre contenu {subject} avant sa publication. Il reste en attente tant qu’il n’est pas modifié.',
    'decision.mail.what.hide':
      'L’équipe de modération de {platform} a masqué votre contenu {subject} : il n’est plus visible.',
    'decision.mail.what.warn':
      'L’équipe de modération de {platform} vous adresse un avertissement au sujet de votre {subject}.',
    'decision.mail.what.suspend':
      'L’équipe de modération de {platform} a suspendu votre compte. Pendant la suspension, vous ne pouvez plus vous connecter et vos annonces ne sont plus visibles.',
    'decision.mail.what.ban':
      'L’équipe de modération de {platform} a fermé définitivement votre compte. Vos annonces ne sont plus visibles.',
    'decision.mail.until': 'La suspension prend fin le {until}.',
    'decision.mail.reason': 'Motif : {reason}.',
    'decision.mail.words': 'Explication de la modératrice ou du modérateur : « {explanation} »',
    'decision.mail.appeal':
      'Si vous pensez que cette décision est une erreur, vous pouvez la contester : une autre personne de l’équipe examinera votre recours. Le lien ci-dessous ouvre le formulaire, sans avoir à vous connecter.',
    'decision.mail.appealButton': 'Contester la décision',
    'decision.mail.account':
      'Vous pouvez aussi la contester depuis « Mon compte » sur {platform}, dès que vous pouvez vous connecter.',
    'decision.mail.paused.subject': 'Un de vos échanges est interrompu',
    'decision.mail.paused.text':
      'La personne ne peut plus poursuivre cet échange pour le moment. Vous pouvez chercher une autre aide ou proposer la vôtre à quelqu’un d’autre.',
    'decision.mail.paused.button': 'Voir l’échange',
  },
  {
    'decision.title': 'Decide',
    'decision.legend': 'Decision',
    'decision.publish': 'Publish',
    'decision.reject': 'Refuse publication',
    'decision.change': 'Ask for a change',
    'decision.hide': 'Hide the content',
    'decision.dismiss': 'Dismiss (unfounded report)',
    'decision.warn': 'Warn the person',
    'decision.suspend': 'Suspend the account',
    'decision.ban': 'Ban for good',
    'decision.reason.label': 'Reason',
    'decision.reason.hint': 'Required for every decision that concerns the person; it is sent to them.',
    'decision.reason.placeholder': 'Choose a reason',
    'decision.reason.commerce': 'Selling or commercial activity',
    'decision.reason.money-request': 'Asking for money',
    'decision.reason.scam': 'Scam',
    'decision.reason.abuse': 'Insults',
    'decision.reason.harassment': 'Harassment',
    'decision.reason.danger': 'Danger to someone',
    'decision.reason.personal-data': 'Personal data exposed',
    'decision.reason.off-topic': 'Not about mutual help',
    'decision.reason.impersonation': 'Impersonation',
    'decision.reason.other': 'Another reason',
    'decision.explanation.label': 'Your explanation to the person',
    'decision.explanation.hint':
      'Say what is wrong and, for a change, what to change. {max} characters at most; the person gets it by email.',
    'decision.days.label': 'Length of the suspension',
    'decision.days.hint': 'Only for a suspension.',
    'decision.days.placeholder': 'Choose a length',
    'decision.days.one': '{count} day',
    'decision.days.many': '{count} days',
    'decision.submit': 'Apply the decision',
    'decision.error.decision': 'Choose a decision from the list.',
    'decision.error.reason': 'Choose the decision’s reason from the list.',
    'decision.error.explanation': 'Write your explanation to the person.',
    'decision.error.tooLong': 'The explanation is longer than {max} characters.',
    'decision.error.days': 'Choose the suspension’s length: 1, 3, 7 or 30 days.',
    'decision.error.version': 'The page is incomplete: open the item again before deciding.',
    'decision.refused.decided': 'This item was already handled by {name}. Nothing was changed.',
    'decision.refused.stale':
      'This item changed since you read it (a new report, another hold): read it again before deciding. Nothing was changed.',
    'decision.refused.claimed':
      'Taken by {name}: you may decide once their hold has ended. Nothing was changed.',
    'decision.refused.withdrawn': 'This item left the queue meanwhile. Nothing was changed.',
    'decision.refused.self': 'You cannot take a decision about yourself. Nothing was changed.',
    'decision.refused.rank': 'You cannot sanction a staff member of your rank or above. Nothing was changed.',
    'decision.refused.noPerson': 'No person is linked to this item. Nothing was changed.',
    'decision.refused.subjectChanged':
      'The content changed since you read it (withdrawn, published or already hidden). Nothing was changed.',
    'decision.mail.subject': 'A moderation decision concerns you',
    'decision.mail.greeting': 'Hello {name},',
    'decision.mail.what.reject':
      'The moderation team of {platform} refused to publish your content {subject}.',
    'decision.mail.what.change':
      'The moderation team of {platform} asks you to change your content {subject} before it is published. It stays waiting until it is changed.',
    'decision.mail.what.hide':
      'The moderation team of {platform} hid your content {subject}: it is no longer visible.',
    'decision.mail.what.warn': 'The moderation team of {platform} gives you a warning about your {subject}.',
    'decision.mail.what.suspend':
      'The moderation team of {platform} suspended your account. While it lasts, you cannot sign in and your listings are not visible.',
    'decision.mail.what.ban':
      'The moderation team of {platform} closed your account for good. Your listings are no longer visible.',
    'decision.mail.until': 'The suspension ends on {until}.',
    'decision.mail.reason': 'Reason: {reason}.',
    'decision.mail.words': 'The moderator’s explanation: “{explanation}”',
    'decision.mail.appeal':
      'If you think this decision is a mistake, you may contest it: another member of the team will review your appeal. The link below opens the form without signing in.',
    'decision.mail.appealButton': 'Contest the decision',
    'decision.mail.account': 'You may also contest it from “My account” on {platform}, once you can sign in.',
    'decision.mail.paused.subject': 'One of your exchanges is interrupted',
    'decision.mail.paused.text':
      'The person cannot continue this exchange for the moment. You may look for other help or offer yours to someone else.',
    'decision.mail.paused.button': 'See the exchange',
  },
)
