import { parentPort } from 'node:worker_threads'
import { answerThreadCalls } from '../../platform/thread-calls.ts'
import { type MonthlyCell, publish } from './publication.ts'

/**
 * The publication's thread: deciding what a large territory may publish (the small counts and
 * every equation that could give one away) takes seconds of pure computation, which the server's
 * own thread must not spend while visitors wait.
 */
answerThreadCalls(parentPort, (request: { months: string[]; cells: MonthlyCell[] }) =>
  publish(request.months, request.cells),
)
