import type { Clock } from '../clock.ts'
import type { DbOrTx } from '../db/client.ts'
import { PermanentJobError } from '../jobs/job-error.ts'
import { segmentCount } from './gsm7.ts'
import { insertDevSms } from './sms.repository.ts'

export interface OutgoingSms {
  /** E.164 */
  to: string
  from: string
  text: string
  /** the job's id, the same on every try: a provider that deduplicates sends it once */
  reference: string
  territoryId: string | null
}

/**
 * Where an SMS goes. `send` resolves once the provider took the message (with its id for it, when
 * it gives one); it throws to be tried again later, or a PermanentJobError when trying again
 * cannot help (the provider refused the message itself).
 */
export interface SmsProvider {
  send(sms: OutgoingSms): Promise<{ providerId: string | null }>
}

/** Long enough for a slow provider, short enough that a hung one never holds a job past its lease. */
const HTTP_TIMEOUT_MS = 15_000

/**
 * A provider reached over HTTP: a JSON POST `{ from, to, text, reference }` with the bearer token,
 * answered with `{ id }`. A 5xx, a 429, a timeout or a network failure is tried again through the
 * queue; any other 4xx is a refusal of this message and is not. Errors name no number: they reach
 * the job's `last_error` and the logs.
 */
export class HttpSmsProvider implements SmsProvider {
  constructor(private readonly options: { url: string; token: string; timeoutMs?: number }) {}

  async send(sms: OutgoingSms): Promise<{ providerId: string | null }> {
    let response: Response
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': sms.reference,
        },
        body: JSON.stringify({ from: sms.from, to: sms.to, text: sms.text, reference: sms.reference }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? HTTP_TIMEOUT_MS),
        redirect: 'error',
      })
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      throw new Error(timedOut ? 'SMS provider did not answer in time' : 'SMS provider unreachable')
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      await response.body?.cancel()
      throw new Error(`SMS provider answered ${response.status}`)
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new PermanentJobError(`SMS provider refused the message (${response.status})`)
    }
    const body = (await response.json().catch(() => null)) as { id?: unknown; messageId?: unknown } | null
    const id = body?.id ?? body?.messageId
    return { providerId: typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null }
  }
}

/** Development: the SMS is written to `dev_sms` (read at /dev/sms), keyed by the job's id. */
export class OutboxSmsProvider implements SmsProvider {
  constructor(
    private readonly db: DbOrTx,
    private readonly clock: Clock,
  ) {}

  async send(sms: OutgoingSms): Promise<{ providerId: string | null }> {
    await insertDevSms(this.db, {
      id: sms.reference,
      territoryId: sms.territoryId,
      recipient: sms.to,
      sender: sms.from,
      body: sms.text,
      segments: segmentCount(sms.text),
      createdAt: this.clock.now(),
    })
    return { providerId: sms.reference }
  }
}
