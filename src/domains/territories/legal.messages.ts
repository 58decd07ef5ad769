import { defineMessages } from '../../platform/i18n/define.ts'

/** The legal notice, the privacy notice and the accessibility statement, as templates filled from the settings. */
export const legalMessages = defineMessages(
  {
    'legal.toComplete': 'À compléter : {field}',
    'legal.missing': 'non renseigné',
    'legal.publisher.title': 'Éditeur',
    'legal.publisher.text': 'La plateforme {platform} est éditée par {institution}.',
    'legal.address': 'Adresse : {address}',
    'legal.contact': 'Contact :',
    'legal.site': 'Site :',
    'legal.director.title': 'Directeur ou directrice de la publication',
    'legal.host.title': 'Hébergement',
    'legal.host.text': 'Hébergeur : {name}, {address}.',
    'legal.software.title': 'Logiciel et données',
    'legal.software.text':
      'Cette plateforme est un logiciel libre (licence AGPL-3.0-or-later). Les données des communes proviennent de la Base officielle des codes postaux (© La Poste) et du découpage administratif publié par Etalab.',
    'legal.more.title': 'Informations complémentaires',
    'privacy.controller.title': 'Responsable du traitement',
    'privacy.controller.text': '{Institution} est responsable du traitement des données {platformOf}.',
    'privacy.purposes.title': 'Pourquoi nous traitons vos données',
    'privacy.purpose.match':
      'mettre en relation gratuitement les habitants qui ont besoin d’aide et ceux qui peuvent en donner ;',
    'privacy.purpose.phone':
      'enregistrer les demandes des personnes sans internet reçues par l’accueil téléphonique ;',
    'privacy.purpose.safety': 'modérer les annonces et les messages, et protéger les personnes des abus ;',
    'privacy.purpose.figures':
      'publier un bilan chiffré, sans aucune donnée qui permette de vous reconnaître.',
    'privacy.basis.title': 'Base légale',
    'privacy.basis.text':
      'Ces traitements relèvent de la mission d’intérêt public {institutionOf} en matière d’action sociale et de solidarité (article 6, paragraphe 1, point e, du RGPD). Les fiches de l’accueil téléphonique reposent aussi sur le consentement de la personne, lu et noté par l’agent (point a).',
    'privacy.data.title': 'Les données et leur durée de conservation',
    'privacy.data.caption': 'Données traitées et durée de conservation',
    'privacy.data.what': 'Données',
    'privacy.data.kept': 'Conservées',
    'privacy.data.accounts': 'Compte : nom affiché, adresse électronique, commune, téléphone s’il est donné',
    'privacy.data.listings': 'Annonces : titre, description, commune, date',
    'privacy.data.messages': 'Messages échangés entre deux personnes',
    'privacy.data.phone': 'Fiches de l’accueil téléphonique : nom, téléphone, consentement, demandes',
    'privacy.recipients.title': 'Qui voit vos données',
    'privacy.recipients.text':
      'L’équipe {institutionOf} (modération, accueil téléphonique, coordination), chacun pour son rôle ; la personne avec qui vous acceptez un échange, pour les seules coordonnées que vous choisissez de lui montrer ; l’hébergeur, qui ne les lit pas. Aucune donnée n’est vendue ni cédée.',
    'privacy.dpo.title': 'Délégué à la protection des données',
    'privacy.dpo.text': 'Vous pouvez écrire au délégué à la protection des données : {contact}',
    'privacy.rights.title': 'Vos droits',
    'privacy.rights.text':
      'Vous pouvez demander l’accès à vos données, leur rectification, leur effacement ou leur limitation, et vous opposer à leur traitement, en écrivant à {email} ou au délégué à la protection des données.',
    'privacy.complaint.title': 'Réclamation',
    'privacy.complaint.text':
      'Si vous estimez, après nous avoir écrit, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL :',
    'privacy.complaint.link': 'porter plainte auprès de la CNIL',
    'privacy.complaint.address':
      'ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.',
    'accessibility.commitment':
      '{Institution} s’engage à rendre {platform} accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
    'accessibility.status.title': 'État de conformité',
    'accessibility.status.none': 'La plateforme {platform} est non conforme avec le RGAA 4.1.',
    'accessibility.status.partial': 'La plateforme {platform} est partiellement conforme avec le RGAA 4.1.',
    'accessibility.status.full': 'La plateforme {platform} est totalement conforme avec le RGAA 4.1.',
    'accessibility.results.title': 'Résultats des tests',
    'accessibility.results.audit':
      'L’audit réalisé le {date} par {auditor} révèle que {rate} % des critères du RGAA 4.1 sont respectés.',
    'accessibility.results.none':
      'Aucun audit n’a encore été réalisé : c’est pourquoi la plateforme se déclare non conforme, comme le prévoit le RGAA.',
    'accessibility.derogations.title': 'Contenus non accessibles',
    'accessibility.method.title': 'Établissement de cette déclaration',
    'accessibility.method.date': 'Cette déclaration a été établie le {date}.',
    'accessibility.method.tech':
      'Technologies utilisées : HTML, CSS ; JavaScript améliore certaines pages sans être nécessaire.',
    'accessibility.method.checks':
      'Vérifications menées à chaque version : chaque page est contrôlée automatiquement avec axe-core dans un navigateur, parcourue au clavier, sans JavaScript et avec un zoom de 200 %. Elles ne remplacent pas un audit.',
    'accessibility.feedback.title': 'Retour d’information et contact',
    'accessibility.feedback.text':
      'Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez à {email} : nous vous répondrons avec une alternative accessible.',
    'accessibility.remedy.title': 'Voies de recours',
    'accessibility.remedy.text':
      'Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :',
    'accessibility.remedy.form': 'écrire un message au Défenseur des droits',
    'accessibility.remedy.delegate': 'contacter le délégué du Défenseur des droits dans votre région',
    'accessibility.remedy.post':
      'envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
  {
    'legal.toComplete': 'To complete: {field}',
    'legal.missing': 'not given',
    'legal.publisher.title': 'Publisher',
    'legal.publisher.text': 'The platform {platform} is published by {institution}.',
    'legal.address': 'Address: {address}',
    'legal.contact': 'Contact:',
    'legal.site': 'Website:',
    'legal.director.title': 'Publication director',
    'legal.host.title': 'Hosting',
    'legal.host.text': 'Host: {name}, {address}.',
    'legal.software.title': 'Software and data',
    'legal.software.text':
      'This platform is free software (AGPL-3.0-or-later licence). Commune data comes from the official postcode base (© La Poste) and the administrative boundaries published by Etalab.',
    'legal.more.title': 'More information',
    'privacy.controller.title': 'Data controller',
    'privacy.controller.text': '{Institution} is the data controller {platformOf}.',
    'privacy.purposes.title': 'Why we process your data',
    'privacy.purpose.match': 'to connect inhabitants who need help with those who can give it, for free;',
    'privacy.purpose.phone': 'to record the requests of people without internet received by the phone line;',
    'privacy.purpose.safety': 'to moderate listings and messages, and protect people from abuse;',
    'privacy.purpose.figures': 'to publish figures, with nothing that could identify you.',
    'privacy.basis.title': 'Legal basis',
    'privacy.basis.text':
      'This processing is part of the public-interest mission {institutionOf} in social action and solidarity (GDPR, article 6(1)(e)). The phone line’s records also rest on the person’s consent, read and noted by the agent (point a).',
    'privacy.data.title': 'The data and how long it is kept',
    'privacy.data.caption': 'Data processed and how long it is kept',
    'privacy.data.what': 'Data',
    'privacy.data.kept': 'Kept',
    'privacy.data.accounts': 'Account: display name, email address, commune, phone if given',
    'privacy.data.listings': 'Listings: title, description, commune, date',
    'privacy.data.messages': 'Messages exchanged between two people',
    'privacy.data.phone': 'Phone line records: name, phone, consent, requests',
    'privacy.recipients.title': 'Who sees your data',
    'privacy.recipients.text':
      'The team {institutionOf} (moderation, phone line, coordination), each for their role; the person you accept an exchange with, for the contact details you choose to show; the host, who does not read them. No data is sold or handed over.',
    'privacy.dpo.title': 'Data protection officer',
    'privacy.dpo.text': 'You can write to the data protection officer: {contact}',
    'privacy.rights.title': 'Your rights',
    'privacy.rights.text':
      'You can ask to access, correct, erase or restrict your data, and object to its processing, by writing to {email} or to the data protection officer.',
    'privacy.complaint.title': 'Complaint',
    'privacy.complaint.text':
      'If, after writing to us, you feel your rights are not respected, you can complain to the CNIL:',
    'privacy.complaint.link': 'file a complaint with the CNIL',
    'privacy.complaint.address': 'or by post: CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.',
    'accessibility.commitment':
      '{Institution} is committed to making {platform} accessible, under article 47 of French law no. 2005-102 of 11 February 2005.',
    'accessibility.status.title': 'Compliance status',
    'accessibility.status.none': 'The platform {platform} is not compliant with RGAA 4.1.',
    'accessibility.status.partial': 'The platform {platform} is partially compliant with RGAA 4.1.',
    'accessibility.status.full': 'The platform {platform} is fully compliant with RGAA 4.1.',
    'accessibility.results.title': 'Test results',
    'accessibility.results.audit':
      'The audit made on {date} by {auditor} found {rate}% of RGAA 4.1 criteria met.',
    'accessibility.results.none':
      'No audit has been made yet: this is why the platform declares itself not compliant, as RGAA requires.',
    'accessibility.derogations.title': 'Content that is not accessible',
    'accessibility.method.title': 'How this statement was made',
    'accessibility.method.date': 'This statement was made on {date}.',
    'accessibility.method.tech':
      'Technologies used: HTML, CSS; JavaScript improves some pages without being needed.',
    'accessibility.method.checks':
      'Checks made at every version: every page is tested automatically with axe-core in a browser, used with a keyboard, without JavaScript and at 200% zoom. They do not replace an audit.',
    'accessibility.feedback.title': 'Feedback and contact',
    'accessibility.feedback.text':
      'If you cannot access some content or service, write to {email}: we will answer with an accessible alternative.',
    'accessibility.remedy.title': 'Remedies',
    'accessibility.remedy.text':
      'If you reported an accessibility defect that prevents you from accessing content or a service and did not get a satisfying answer, you can turn to the Défenseur des droits:',
    'accessibility.remedy.form': 'write a message to the Défenseur des droits',
    'accessibility.remedy.delegate': 'contact the Défenseur des droits’ delegate in your region',
    'accessibility.remedy.post':
      'send a letter by post (free, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
)
