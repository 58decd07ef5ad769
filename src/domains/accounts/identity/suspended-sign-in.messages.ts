import { defineMessages } from '../../../platform/i18n/define.ts'

/** What a suspended person hears after the right password: plainly, and how to contest. */
export const suspendedSignInMessages = defineMessages(
  {
    'login.suspended.title': 'Votre compte est suspendu',
    'login.suspended.until': 'La modération a suspendu votre compte jusqu’au {date}.',
    'login.suspended.ban': 'La modération a fermé votre compte définitivement.',
    'login.suspended.reason': 'Motif : {reason}.',
    'login.suspended.why':
      'Le courriel que vous avez reçu au moment de la décision explique pourquoi, et comment la contester si vous pensez qu’elle est injuste.',
    'login.suspended.resendHint':
      'Vous ne retrouvez pas ce courriel ? Nous pouvons vous l’envoyer à nouveau, avec un nouveau lien pour contester.',
    'login.suspended.resend': 'M’envoyer à nouveau le courriel',
  },
  {
    'login.suspended.title': 'Your account is suspended',
    'login.suspended.until': 'Moderation suspended your account until {date}.',
    'login.suspended.ban': 'Moderation closed your account for good.',
    'login.suspended.reason': 'Reason: {reason}.',
    'login.suspended.why':
      'The email you received when the decision was taken explains why, and how to contest it if you think it is unfair.',
    'login.suspended.resendHint': 'Cannot find that email? We can send it again, with a new link to contest.',
    'login.suspended.resend': 'Send me the email again',
  },
)
