import { defineMessages } from '../i18n/define.ts'

export const smsMessages = defineMessages(
  {
    // Ends every SMS; kept short, it costs room in a 160-character message.
    'sms.stop': 'STOP au {sender}',
    'sms.outbox.title': 'SMS de développement',
    'sms.outbox.intro':
      'Sans fournisseur de SMS configuré (SMS_PROVIDER), les SMS que la plateforme enverrait restent ici, sans quitter cette machine. Cette page n’existe pas en production.',
    'sms.outbox.caption': 'SMS, du plus récent au plus ancien',
    'sms.outbox.date': 'Date',
    'sms.outbox.recipient': 'Destinataire',
    'sms.outbox.text': 'Texte',
    'sms.outbox.segments': 'SMS facturés',
    'sms.outbox.empty': 'Aucun SMS pour l’instant.',
    'sms.inbound.from': 'Le numéro de l’expéditeur n’est pas un numéro de téléphone reconnu.',
  },
  {
    'sms.stop': 'STOP to {sender}',
    'sms.outbox.title': 'Development SMS',
    'sms.outbox.intro':
      'With no SMS provider configured (SMS_PROVIDER), the SMS the platform would send stay here and never leave this machine. This page does not exist in production.',
    'sms.outbox.caption': 'SMS, newest first',
    'sms.outbox.date': 'Date',
    'sms.outbox.recipient': 'Recipient',
    'sms.outbox.text': 'Text',
    'sms.outbox.segments': 'SMS billed',
    'sms.outbox.empty': 'No SMS yet.',
    'sms.inbound.from': 'The sender’s number is not a recognised phone number.',
  },
)
