import { parentPort } from 'node:worker_threads'
import highsModule, { type Highs } from 'highs'
import { maxWeightBMatching } from './b-matching.ts'
import type { SolveReply, SolveRequest } from './highs-thread.ts'

// The package's types describe its CommonJS side; under ESM its default export is the loader itself.
const highsLoader = highsModule as unknown as () => Promise<Highs>
const highs = highsLoader()

/**
 * The solver's thread: HiGHS solves synchronously, a second or two for a large campaign, and the
 * server's own thread must go on answering meanwhile. Only columns with a value go back. The
 * exact b-matching of bulk dispatch runs here too, for the same reason.
 */
parentPort?.on('message', async (request: SolveRequest) => {
  const { id } = request
  try {
    if ('matching' in request) {
      const started = performance.now()
      const chosen = maxWeightBMatching(request.matching)
      const solverMs = performance.now() - started
      parentPort?.postMessage({ id, chosen, solverMs } satisfies SolveReply, [chosen.buffer as ArrayBuffer])
      return
    }
    const { lp, options } = request
    const solver = await highs
    const started = performance.now()
    const solution = solver.solve(lp, options)
    const solverMs = performance.now() - started
    const values: [string, number][] = []
    if (solution.Status === 'Optimal') {
      for (const [name, column] of Object.entries(solution.Columns) as [string, { Primal: number }][])
        if (column.Primal > 1e-9) values.push([name, column.Primal])
    }
    parentPort?.postMessage({ id, status: solution.Status, solverMs, values } satisfies SolveReply)
  } catch (error) {
    parentPort?.postMessage({ id, error: String((error as Error)?.message ?? error) } satisfies SolveReply)
  }
})
