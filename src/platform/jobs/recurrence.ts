/**
 * The slot a recurring job runs for at `now`: the latest start time `next + k·interval` not after now.
 * A process that was stopped for a day runs a daily purge once on restart, not once per missed day.
 */
export function currentSlot(nextRunAt: Date, intervalSeconds: number, now: Date): { slot: Date; next: Date } {
  const interval = intervalSeconds * 1000
  const missed = Math.max(0, Math.floor((now.getTime() - nextRunAt.getTime()) / interval))
  const slot = new Date(nextRunAt.getTime() + missed * interval)
  return { slot, next: new Date(slot.getTime() + interval) }
}

/** Two processes enqueueing the same slot collide on this key, so the job exists once. */
export function slotKey(name: string, slot: Date): string {
  return `${name}:${slot.toISOString()}`
}
