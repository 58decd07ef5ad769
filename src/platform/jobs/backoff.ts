const BASE_MS = 30_000
const CAP_MS = 6 * 3_600_000

/**
 * Delay before the next try of a job that failed for the `attempt`-th time: 30 s, 1 min, 2 min…
 * up to 6 h. The jitter spreads the retries of many jobs that failed together (a mail server
 * that was down) so they do not all hit it again in the same second; it takes at most half
 * the delay away, so waiting the full `maxBackoffMs` always reaches the retry.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const full = maxBackoffMs(attempt)
  return Math.round(full / 2 + (random() * full) / 2)
}

export function maxBackoffMs(attempt: number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 20))
  return Math.min(CAP_MS, BASE_MS * 2 ** exponent)
}
