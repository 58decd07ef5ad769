import { type Actor, can } from '../../../platform/auth/actor.ts'
import { decrypt, encrypt } from '../../../platform/auth/secrets.ts'
import { forbidden, HttpError } from '../../../platform/http/problem.ts'
import { LIMITS } from '../../../platform/http/rate-limit.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { ValidationError } from '../../../platform/validation.ts'
import { findAccountById } from '../identity/account.repository.ts'
import {
  countUnusedRecoveryCodes,
  replaceRecoveryCodes,
  useRecoveryCode,
} from './recovery-codes.repository.ts'
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.ts'
import { claimTotpStep, enableTotp } from './second-factor.repository.ts'
import { groupKey, matchingStep, newTotpSecret, normaliseTotpCode, totpUri } from './totp.ts'

export interface Enrolment {
  /** the new key, sealed with APP_SECRET and bound to the account, for the confirming form */
  sealed: string
  /** the key in groups of four, for typing it by hand */
  key: string
  /** the QR code as a data: address, allowed by the page's Content-Security-Policy for images */
  qrDataUri: string
}

/** Enrolment forms stay valid an hour: enough to install an app, short enough to expire unused. */
const ENROLMENT_MS = 3_600_000

const wrongCode = () => new ValidationError([{ field: 'code', key: 'totp.code.wrong' }])

/**
 * The second factor: TOTP keys (encrypted at rest) and single-use recovery codes. Nothing is
 * stored until the person proves their app works by typing a code, so a page left open
 * or reloaded never leaves a half-enrolled account.
 */
export class SecondFactorService {
  constructor(private readonly services: AppServices) {}

  async enrolment(actor: Actor | null, territory: Territory, sealed?: string): Promise<Enrolment> {
    if (!actor || !can(actor, 'session')) throw forbidden()
    const kept = sealed ? this.#open(actor, sealed) : null
    const secret = kept ?? newTotpSecret()
    // loaded here, not at start: only an enrolment draws a QR code
    const { default: QRCode } = await import('qrcode')
    const svg = await QRCode.toString(totpUri(secret, territory.platformName, actor.email), {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    })
    return {
      sealed: kept && sealed ? sealed : this.#seal(actor, secret),
      key: groupKey(secret),
      qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    }
  }

  /** Checks the first code, then stores the key and gives the recovery codes, shown this once. */
  async confirm(actor: Actor | null, territory: Territory, sealed: string, code: string): Promise<string[]> {
    if (!actor || !can(actor, 'session')) throw forbidden()
    if (actor.hasTotp) throw new HttpError(409, 'second-factor-enabled')
    await this.#countAttempt(actor)
    const secret = this.#open(actor, sealed)
    if (!secret) throw new ValidationError([{ field: 'code', key: 'totp.enrol.expired' }])
    if (!normaliseTotpCode(code)) throw new ValidationError([{ field: 'code', key: 'totp.code.format' }])
    const step = matchingStep(secret, code, this.services.clock.now())
    if (step === null || !(await this.#claimStep(actor.accountId, step))) throw wrongCode()
    const { config, database, clock, audit } = this.services
    const now = clock.now()
    const codes = newRecoveryCodes()
    await database.db.transaction(async (tx) => {
      if (!(await enableTotp(tx, actor.accountId, encrypt(config.appSecret, secret), now)))
        throw new HttpError(409, 'second-factor-enabled')
      await replaceRecoveryCodes(tx, actor.accountId, this.#rows(codes), now)
      await audit.record(
        {
          territoryId: territory.id,
          actorId: actor.accountId,
          action: 'second-factor.enabled',
          targetId: actor.accountId,
        },
        tx,
      )
    })
    await this.services.rateLimiter.reset(attemptsKey(actor))
    return codes
  }

  /** The login step: a code from the app, or one of the recovery codes (which then stops working). */
  async verify(actor: Actor | null, territory: Territory, input: string): Promise<'totp' | 'recovery'> {
    if (!actor || !can(actor, 'session')) throw forbidden()
    const { database, clock, audit, config } = this.services
    const account = await findAccountById(database.db, actor.accountId)
    if (!account?.totpSecret || !account.totpEnabledAt) throw new HttpError(409, 'second-factor-missing')
    await this.#countAttempt(actor)
    const now = clock.now()
    const recovery = normaliseTotpCode(input) === null ? normaliseRecoveryCode(input) : null
    let accepted = false
    if (recovery) accepted = await useRecoveryCode(database.db, account.id, hashRecoveryCode(recovery), now)
    else {
      const step = matchingStep(decrypt(config.appSecret, account.totpSecret), input, now)
      accepted = step !== null && (await this.#claimStep(account.id, step))
    }
    const method = recovery ? 'recovery' : 'totp'
    const entry = { territoryId: territory.id, actorId: account.id, targetId: account.id }
    if (!accepted) {
      await audit.record({ ...entry, action: 'login.second-factor.failed', details: { method } })
      throw new ValidationError([
        { field: 'code', key: input.trim() ? 'totp.code.wrong' : 'totp.code.required' },
      ])
    }
    await audit.record({ ...entry, action: 'login.second-factor', details: { method } })
    if (recovery) {
      const remaining = await countUnusedRecoveryCodes(database.db, account.id)
      await audit.record({ ...entry, action: 'second-factor.recovery-used', details: { remaining } })
    }
    await this.services.rateLimiter.reset(attemptsKey(actor))
    return method
  }

  async status(actor: Actor | null): Promise<{ enabledAt: Date | null; unusedCodes: number }> {
    if (!actor || !can(actor, 'session')) throw forbidden()
    const account = await findAccountById(this.services.database.db, actor.accountId)
    return {
      enabledAt: account?.totpEnabledAt ?? null,
      unusedCodes: await countUnusedRecoveryCodes(this.services.database.db, actor.accountId),
    }
  }

  /** A new sheet of recovery codes, for a person who used or lost theirs; needs a current code. */
  async renewCodes(actor: Actor | null, code: string): Promise<string[]> {
    if (!actor || !can(actor, 'session')) throw forbidden()
    const { database, clock, config } = this.services
    const account = await findAccountById(database.db, actor.accountId)
    if (!account?.totpSecret || !account.totpEnabledAt) throw new HttpError(409, 'second-factor-missing')
    await this.#countAttempt(actor)
    if (!normaliseTotpCode(code)) throw new ValidationError([{ field: 'code', key: 'totp.code.format' }])
    const step = matchingStep(decrypt(config.appSecret, account.totpSecret), code, clock.now())
    if (step === null || !(await this.#claimStep(account.id, step))) throw wrongCode()
    const codes = newRecoveryCodes()
    await database.db.transaction(async (tx) => {
      await replaceRecoveryCodes(tx, account.id, this.#rows(codes), clock.now())
      await this.services.audit.record(
        {
          territoryId: account.territoryId,
          actorId: account.id,
          action: 'second-factor.recovery-renewed',
          targetId: account.id,
        },
        tx,
      )
    })
    await this.services.rateLimiter.reset(attemptsKey(actor))
    return codes
  }

  #rows(codes: string[]) {
    return codes.map((c) => ({ id: this.services.ids(), codeHash: hashRecoveryCode(c) }))
  }

  /** Five tries a minute per account, whatever the device: six digits cannot be guessed that way. */
  #countAttempt(actor: Actor): Promise<void> {
    return this.services.rateLimiter.hit(attemptsKey(actor), LIMITS.secondFactor)
  }

  /** A code works once (RFC 6238 § 5.2): its step, and every earlier one, are refused afterwards. */
  #claimStep(accountId: string, step: number): Promise<boolean> {
    return claimTotpStep(this.services.database.db, accountId, step)
  }

  #seal(actor: Actor, secret: string): string {
    const until = this.services.clock.now().getTime() + ENROLMENT_MS
    return encrypt(
      this.services.config.appSecret,
      JSON.stringify({ a: actor.accountId, s: secret, u: until }),
    )
  }

  #open(actor: Actor, sealed: string): string | null {
    try {
      const value = JSON.parse(decrypt(this.services.config.appSecret, sealed)) as {
        a: string
        s: string
        u: number
      }
      const fresh = value.u > this.services.clock.now().getTime()
      return value.a === actor.accountId && fresh && /^[A-Z2-7]{32}$/.test(value.s) ? value.s : null
    } catch {
      return null
    }
  }
}

function attemptsKey(actor: Actor): string {
  return `second-factor:${actor.accountId}`
}
