import { defineMessages } from '../../platform/i18n/define.ts'

/** The line's texts about SMS: the agreement an agent records, and the SMS a caller receives. */
export const personSmsMessages = defineMessages(
  {
    'phone.sms.title': 'SMS',
    'phone.sms.given': 'Accepte de recevoir des SMS : le {date}, recueilli par {agent} :',
    'phone.sms.none': 'N’a pas accepté de recevoir des SMS.',
    'phone.sms.intro':
      'Avec son accord, la personne reçoit un SMS quand un bénévole est trouvé pour elle. Il lui suffit de répondre STOP pour ne plus en recevoir.',
    'phone.sms.label': 'Accord lu à la personne pour les SMS',
    'phone.sms.hint':
      'Lisez ce texte à la personne, modifiez-le si vous l’avez dit autrement ; il est enregistré avec la date et votre nom.',
    'phone.sms.defaultWording':
      'Acceptez-vous de recevoir un SMS sur votre portable quand un bénévole est trouvé pour vous ? Vous pourrez répondre STOP à tout moment pour ne plus en recevoir.',
    'phone.sms.submit': 'Enregistrer son accord pour les SMS',
    'phone.sms.withdraw': 'Ne plus lui envoyer de SMS',
    'phone.sms.notMobile':
      'Ce numéro n’est pas un portable : un SMS ne peut pas lui parvenir. Modifiez la fiche si la personne a un portable.',
    'phone.sms.wordingRequired': 'Saisissez le texte de l’accord lu à la personne',
    'phone.sms.noticeGiven': 'Son accord pour les SMS est enregistré.',
    'phone.sms.noticeWithdrawn': 'Plus aucun SMS ne lui sera envoyé.',
    'phone.sms.found.own':
      '{platform} : bonne nouvelle, un bénévole a répondu à votre demande « {title} ». Il va vous appeler.',
    'phone.sms.found.line':
      '{platform} : bonne nouvelle, un bénévole a répondu à votre demande « {title} ». Nous vous rappelons pour l’organiser.',
    'phone.audit.smsConsent': 'Accord pour les SMS enregistré ou retiré',
  },
  {
    'phone.sms.title': 'SMS',
    'phone.sms.given': 'Agrees to receive SMS: on {date}, recorded by {agent}:',
    'phone.sms.none': 'Has not agreed to receive SMS.',
    'phone.sms.intro':
      'With their agreement, the person gets an SMS when a volunteer is found for them. Replying STOP is all it takes to receive no more.',
    'phone.sms.label': 'Agreement read to the person for SMS',
    'phone.sms.hint':
      'Read this text to the person, change it if you said it differently; it is recorded with the date and your name.',
    'phone.sms.defaultWording':
      'Do you agree to receive an SMS on your mobile when a volunteer is found for you? You can reply STOP at any time to receive no more.',
    'phone.sms.submit': 'Record their agreement to SMS',
    'phone.sms.withdraw': 'Send them no more SMS',
    'phone.sms.notMobile':
      'This number is not a mobile: an SMS cannot reach it. Edit the record if the person has a mobile.',
    'phone.sms.wordingRequired': 'Enter the agreement read to the person',
    'phone.sms.noticeGiven': 'Their agreement to SMS is recorded.',
    'phone.sms.noticeWithdrawn': 'No SMS will be sent to them any more.',
    'phone.sms.found.own':
      '{platform}: good news, a volunteer answered your request “{title}”. They will call you.',
    'phone.sms.found.line':
      '{platform}: good news, a volunteer answered your request “{title}”. We will call you back to arrange it.',
    'phone.audit.smsConsent': 'Agreement to SMS recorded or withdrawn',
  },
)
