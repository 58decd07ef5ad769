/**
 * The GSM 03.38 alphabet an SMS is written in when it can be: 160 characters fit in one message,
 * 153 per part when it is split. One character outside it and the whole message goes as UCS-2,
 * 70 characters (67 per part): a French « ’ » alone would cut a message's room by more than half.
 * The tables are small and fixed by the standard, so they are kept here rather than in a package:
 * the ones published count characters but none rewrites French text into the alphabet.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
/** Sent as an escape and the character: each counts twice. */
const EXTENSION = '^{}\\[~]|€\f'

const basic = new Set(BASIC)
const extension = new Set(EXTENSION)

export const SINGLE_GSM = 160
const PART_GSM = 153
const SINGLE_UCS2 = 70
const PART_UCS2 = 67

/** How many septets a GSM-7 character takes: 1, 2 for the extension table, null outside both. */
function septets(char: string): 1 | 2 | null {
  if (basic.has(char)) return 1
  if (extension.has(char)) return 2
  return null
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (septets(char) === null) return false
  return true
}

/** The length as the network counts it: septets for GSM-7, UTF-16 units for UCS-2. */
export function smsLength(text: string): { encoding: 'gsm7' | 'ucs2'; units: number } {
  let units = 0
  for (const char of text) {
    const size = septets(char)
    if (size === null) return { encoding: 'ucs2', units: text.length }
    units += size
  }
  return { encoding: 'gsm7', units }
}

/** How many SMS the text costs. */
export function segmentCount(text: string): number {
  const { encoding, units } = smsLength(text)
  const [single, part] = encoding === 'gsm7' ? [SINGLE_GSM, PART_GSM] : [SINGLE_UCS2, PART_UCS2]
  if (units === 0) return 1
  return units <= single ? 1 : Math.ceil(units / part)
}

/**
 * French typography and letters outside the alphabet, with their plain equivalents. é è à ù ì ò
 * É Ç are in the alphabet and stay; ê â î ô û ë ï ç and the rest lose their accent.
 */
const REPLACEMENTS: Record<string, string> = {
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '‑': '-',
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\t': ' ',
  œ: 'oe',
  Œ: 'OE',
  â: 'a',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  ô: 'o',
  û: 'u',
  ÿ: 'y',
  ç: 'c',
  À: 'A',
  Â: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Ù: 'U',
  Û: 'U',
  Ÿ: 'Y',
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  Á: 'A',
  Í: 'I',
  Ó: 'O',
  Ú: 'U',
  '°': 'o',
}

/**
 * The text in the GSM-7 alphabet: typography and accents mapped as above, any other letter
 * stripped of its accent (NFD), and what is left outside the alphabet (an emoji, a control
 * character) dropped, so that a name typed with one never turns a notice into three SMS.
 */
export function toGsm7(text: string): string {
  let out = ''
  // French guillemets hold a (narrow) no-break space inside; straight quotes hold none: « x » is "x".
  const quoted = text
    .normalize('NFC')
    .replace(/«[\s\u00a0\u202f]*/g, '"')
    .replace(/[\s\u00a0\u202f]*»/g, '"')
  for (const char of quoted) {
    if (septets(char) !== null) {
      out += char
      continue
    }
    const mapped = REPLACEMENTS[char]
    if (mapped !== undefined) {
      out += mapped
      continue
    }
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '')
    if (plain !== char && isGsm7(plain)) out += plain
  }
  return out.replace(/ {2,}/g, ' ')
}

/**
 * One SMS where it can be: the fixed parts (the link, the STOP notice) are kept whole and the
 * variable part (a title, a name) is shortened with « ... » at a word's end until everything
 * fits in 160 characters. When even the fixed parts do not fit, the message is sent in several.
 */
export function fitSms(parts: { before: string; variable: string; after: string }): string {
  const before = toGsm7(parts.before)
  const after = toGsm7(parts.after)
  let variable = toGsm7(parts.variable).trim()
  const whole = () => `${before}${variable}${after}`
  if (smsLength(whole()).units <= SINGLE_GSM) return whole()
  const room = SINGLE_GSM - smsLength(`${before}...${after}`).units
  if (room <= 0) return `${before}${after}`.replace(/ {2,}/g, ' ')
  const chars = [...variable]
  let cut = ''
  let units = 0
  for (const char of chars) {
    const size = septets(char) ?? 0
    if (units + size > room) break
    cut += char
    units += size
  }
  // At a word's end when there is one: « Courses pour Mme... » reads better than « Courses pour Mm... ».
  const space = cut.lastIndexOf(' ')
  variable = `${(space > room / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?'"-]+$/, '')}...`
  return whole()
}
