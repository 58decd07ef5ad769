import { hash, verify } from '@node-rs/argon2'
import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import type { MessageKey } from '../i18n/i18n.ts'

/**
 * Argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 10 ms of one
 * core and 19 MiB per hash, and at most 4 hashes at once on libuv's pool, so a login burst cannot
 * exhaust memory while an offline attacker still pays dearly for each guess (bench/auth.ts).
 */
// algorithm 2 is Argon2id (the enum is a const enum, which plain TypeScript imports cannot read).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/**
 * The test suite hashes hundreds of passwords; at the strong cost they took a large share of its
 * time for nothing it checks. Argon2's smallest memory (8 KiB per lane) and one pass, only when
 * NODE_ENV is `test`: any other value, an unset one included, keeps the strong parameters.
 * A hash records its own parameters, so `verify` reads either kind.
 */
const TEST_ARGON2_OPTIONS = { algorithm: 2, memoryCost: 8, timeCost: 1, parallelism: 1 } as const

export function argon2Options(nodeEnv: string | undefined) {
  return nodeEnv === 'test' ? TEST_ARGON2_OPTIONS : ARGON2_OPTIONS
}

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options(process.env.NODE_ENV))
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** Verifying against this when an address is unknown makes « wrong address » as slow as « wrong password ». */
let decoy: Promise<string> | null = null
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that never matches anything')
  await verifyPassword(await decoy, password)
}

let estimator: Promise<ZxcvbnFactory> | null = null

/**
 * The estimator and its dictionaries (about 35 MB), loaded at the first password to rate rather
 * than at every start: a server rates passwords only at sign-ups and resets.
 */
function strength(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-fr'),
  ]).then(
    ([{ ZxcvbnFactory }, common, fr]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...fr.dictionary },
        graphs: common.adjacencyGraphs,
        translations: fr.translations,
      }),
  )
  estimator.catch(() => {
    estimator = null
  })
  return estimator
}

export interface PasswordProblem {
  key: MessageKey
  params?: Record<string, string | number>
}

/**
 * No composition rules (NIST SP 800-63B, CNIL): a length between 12 and 128, and a strength
 * estimate with French and common dictionaries, which also knows the person's own name and email.
 */
export async function passwordProblem(
  password: string,
  personal: string[] = [],
): Promise<PasswordProblem | null> {
  if (password.length < PASSWORD_MIN) return { key: 'password.tooShort', params: { min: PASSWORD_MIN } }
  if (password.length > PASSWORD_MAX) return { key: 'password.tooLong', params: { max: PASSWORD_MAX } }
  // Each word of a name or address counts: « jeanne.martin1950 » is guessable for Jeanne Martin.
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3)
  // The estimator rates « jeanne.martin1950 » strong even when told the name: what is left once the
  // person's own words are taken out must still be a password on its own.
  let rest = password.toLowerCase()
  for (const w of words.filter((w) => w.length >= 4)) rest = rest.split(w).join('')
  if (rest !== password.toLowerCase() && rest.replace(/[^\p{L}\p{N}]/gu, '').length < 8)
    return { key: 'password.personal' }
  const result = await (await strength()).checkAsync(password, [...personal.filter(Boolean), ...words])
  if (result.score >= 3) return null
  const matches = result.sequence as { pattern: string; dictionaryName?: string }[]
  if (matches.some((m) => m.dictionaryName === 'userInputs')) return { key: 'password.personal' }
  const patterns = new Set(matches.map((m) => m.pattern))
  if (patterns.has('dictionary')) return { key: 'password.common' }
  if (patterns.has('repeat') || patterns.has('sequence') || patterns.has('spatial'))
    return { key: 'password.pattern' }
  return { key: 'password.weak' }
}
