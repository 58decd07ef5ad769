// Measures the free-help rule on both parts of its labelled corpus: precision, recall and F1, and
// the time per text. The tuning part's mistakes are listed, to be read while changing the rule;
// the held-out part's are not, so that its figures stay a measure of text the rule never fitted.
// Run: node --import tsx bench/free-help.ts
import { readFileSync } from 'node:fs'
import { freeHelpCorpus } from '../src/domains/listings/free-help.corpus.ts'
import type { FreeHelpExample } from '../src/domains/listings/free-help.example.ts'
import { freeHelpHeldOut } from '../src/domains/listings/free-help.held-out.ts'
import { freeHelpReasons } from '../src/domains/listings/free-help.ts'

export function measure(examples: readonly FreeHelpExample[]) {
  let tp = 0
  let fp = 0
  let fn = 0
  const mistakes: string[] = []
  for (const example of examples) {
    const reasons = freeHelpReasons(example.title, example.description)
    const held = reasons.length > 0
    if (held && example.commercial) tp++
    else if (held) {
      fp++
      mistakes.push(`false alarm [${reasons.join(', ')}]: ${example.title} — ${example.description}`)
    } else if (example.commercial) {
      fn++
      mistakes.push(`missed: ${example.title} — ${example.description}`)
    }
  }
  const precision = tp / (tp + fp || 1)
  const recall = tp / (tp + fn || 1)
  const f1 = (2 * precision * recall) / (precision + recall || 1)
  return { tp, fp, fn, precision, recall, f1, mistakes }
}

function report(name: string, examples: readonly FreeHelpExample[], showMistakes: boolean) {
  const { tp, fp, fn, precision, recall, f1, mistakes } = measure(examples)
  const commercial = examples.filter((e) => e.commercial).length
  console.log(
    `${name}: ${examples.length} texts (${commercial} money, ${examples.length - commercial} clean)`,
  )
  console.log(`  held ${tp + fp} (right ${tp}, false alarms ${fp}); missed ${fn}`)
  console.log(`  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`)
  if (showMistakes) for (const line of mistakes) console.log(`    ${line}`)
}

/** Microseconds per text, over enough rounds of the whole corpus to read a stable figure. */
function microsecondsPerText(examples: readonly FreeHelpExample[], rounds: number): number {
  for (const e of examples) freeHelpReasons(e.title, e.description)
  const start = process.hrtime.bigint()
  for (let round = 0; round < rounds; round++)
    for (const e of examples) freeHelpReasons(e.title, e.description)
  return Number(process.hrtime.bigint() - start) / 1000 / (rounds * examples.length)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
  report('tuning part', freeHelpCorpus, true)
  report('held-out part (mistakes not shown)', freeHelpHeldOut, false)
  const all = [...freeHelpCorpus, ...freeHelpHeldOut]
  const long = all.map((e) => ({ ...e, description: `${e.description} `.repeat(20) }))
  console.log(`time per text: ${microsecondsPerText(all, 200).toFixed(1)} µs (listing-sized)`)
  console.log(`time per text: ${microsecondsPerText(long, 20).toFixed(1)} µs (description ×20)`)
  console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
}
