import { formatPhone, phoneHref } from '../phone-numbers.ts'

/**
 * A stored number (E.164) as people read and dial it: « 02 61 91 00 02 », a `tel:` link that a
 * phone calls in one tap. Every page shows numbers through it, never the stored form.
 */
export function PhoneLink({ e164 }: { e164: string }) {
  return <a href={phoneHref(e164)}>{formatPhone(e164)}</a>
}
