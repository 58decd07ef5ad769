/** What other parts of the app may use of moderation: it sits above every domain it moderates. */

/** What a suspended person hears at sign-in, handed to accounts in src/modules.ts. */
export { suspendedSignIn } from './sanction-life.service.ts'
