// Loaded with `node --import ./bench/memory-probe.mjs` by bench/boot.ts, in the server's main
// thread and in each worker thread (an --import runs in both): every second, one line on stderr
// with the thread's own share of memory, which /proc cannot split by thread. Plain JavaScript so
// that the compiled server needs no loader for it.
import { getHeapSpaceStatistics } from 'node:v8'
import { isMainThread, threadId } from 'node:worker_threads'

const mb = (n) => Math.round((n / 2 ** 20) * 10) / 10
const space = (name) =>
  mb(getHeapSpaceStatistics().find((s) => s.space_name === name)?.physical_space_size ?? 0)
setInterval(() => {
  const u = process.memoryUsage()
  const line = {
    thread: isMainThread ? 'main' : `worker ${threadId}`,
    heapTotal: mb(u.heapTotal),
    heapUsed: mb(u.heapUsed),
    newSpace: space('new_space'),
    oldSpace: space('old_space'),
    external: mb(u.external),
    arrayBuffers: mb(u.arrayBuffers),
  }
  process.stderr.write(`memory-probe ${JSON.stringify(line)}\n`)
}, 1000).unref()
