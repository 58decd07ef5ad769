import pino from 'pino'
import { JobWorker } from '../../src/platform/jobs/worker.ts'
import type { TestApp } from './app.ts'

/** A logger whose lines a test can read, to prove what is (and is not) written to the logs. */
export function captureLogs() {
  const lines: string[] = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) })
  return { logger, lines }
}

/** Extra workers on the test app's database, as other app processes would run; stopAll() after each test. */
export function testWorkers(app: () => TestApp) {
  const workers: JobWorker[] = []
  return {
    newWorker(options: { leaseMs?: number; workerId?: string; concurrency?: number } = {}) {
      const t = app()
      const worker = new JobWorker(t.db, t.clock, {
        pollMs: 10,
        concurrency: 2,
        logger: captureLogs().logger,
        ...options,
      })
      workers.push(worker)
      return worker
    },
    stopAll: () => Promise.all(workers.splice(0).map((w) => w.stop())),
  }
}
