/**
 * The bilan's vocabulary, shared by the rollup job (which writes these metrics), the read side
 * (which sums them) and the pages. Pure: no database here.
 */

/** Hours at which the response and help-given histograms cut; the last bucket is open. */
export const HOUR_BUCKETS = [
  1, 2, 3, 4, 6, 8, 12, 18, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720,
] as const

/**
 * The metrics of `stat_rollups`. Ask and offer outcomes count in the cohort of the listing's
 * posting (its period, commune, category); all others at the time of the event.
 * Histograms: `ask.response-h.<upper>` and `ask.fulfil-h.<upper>` where <upper> is one of
 * HOUR_BUCKETS or 'inf'. Outcomes: `call.made.<outcome>`, `phone-case.closed.<outcome>`.
 */
export const metrics = [
  'ask.posted',
  'ask.answered',
  'ask.answered-24h',
  'ask.answered-72h',
  'ask.fulfilled',
  'offer.posted',
  'offer.answered',
  'offer.fulfilled',
  'account.created',
  'organisation.created',
  'organisation.verified',
  'mission.posted',
  'mission.slot-filled',
  'need.posted',
  'need.met',
  'campaign.made',
  'campaign.distributed',
  'call.made',
  'phone-case.opened',
  'phone-case.closed',
] as const
export type Metric = (typeof metrics)[number]

export const responseBucket = (hours: number) => bucketName('ask.response-h', hours)
export const fulfilBucket = (hours: number) => bucketName('ask.fulfil-h', hours)

function bucketName(prefix: string, hours: number): string {
  const upper = HOUR_BUCKETS.find((b) => hours <= b)
  return `${prefix}.${upper ?? 'inf'}`
}

/** A period of whole months, 'YYYY-MM' to 'YYYY-MM' inclusive, in Europe/Paris. */
export interface MonthRange {
  from: string
  to: string
}

export interface BilanFilter {
  territoryId: string
  months: MonthRange
  /** INSEE code; absent: the whole territory */
  commune?: string
  /** category id; absent: every category */
  category?: string
}

/** What a page needs, read from the rollups in a few index reads (`readFigures`). */
export interface BilanFigures {
  /** metric (and histogram or outcome metric) → sum over the range, with the filter */
  totals: Map<string, number>
  /** metric (`BREAKDOWN_METRICS` only) → Monday 'YYYY-MM-DD' → value, for the weeks whose Monday falls in the range */
  weekly: Map<string, Map<string, number>>
  /** metric → month 'YYYY-MM' → value */
  monthly: Map<string, Map<string, number>>
  /** metric (`BREAKDOWN_METRICS` only) → category id ('?' none) → value, over the range and commune filter */
  byCategory: Map<string, Map<string, number>>
  /** metric (`BREAKDOWN_METRICS` only) → INSEE code ('?' unknown) → value, over the range and category filter */
  byCommune: Map<string, Map<string, number>>
  /** distinct active volunteers over the range, with the filter */
  activeVolunteers: number
  /** distinct active volunteers per commune over the range (category filter applied) */
  activeVolunteersByCommune: Map<string, number>
  /** the last event folded into these figures, for « chiffres arrêtés au … » */
  asOf: Date | null
}

/**
 * The median of a histogram of hours, interpolated inside its bucket (as Prometheus does);
 * null when empty. `counts` maps a bucket's upper bound (or 'inf') to its count.
 */
export function medianHours(counts: Map<string, number>): number | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  if (total === 0) return null
  const half = total / 2
  let seen = 0
  let lower = 0
  for (const upper of [...HOUR_BUCKETS, Infinity]) {
    const n = counts.get(upper === Infinity ? 'inf' : String(upper)) ?? 0
    if (seen + n >= half && n > 0) {
      if (upper === Infinity) return lower
      return lower + ((half - seen) / n) * (upper - lower)
    }
    seen += n
    lower = upper
  }
  return lower
}

/** The histogram of one prefix out of the totals: bucket upper bound → count. */
export function histogram(
  totals: Map<string, number>,
  prefix: 'ask.response-h' | 'ask.fulfil-h',
): Map<string, number> {
  const out = new Map<string, number>()
  for (const [metric, value] of totals)
    if (metric.startsWith(`${prefix}.`)) out.set(metric.slice(prefix.length + 1), value)
  return out
}
