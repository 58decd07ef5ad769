// Measures the free-help rule on the labelled corpus: precision, recall, and every mistake,
// so a change to the rule can be judged on figures. Run: node --import tsx bench/free-help.ts
import { freeHelpCorpus } from '../src/domains/listings/free-help.corpus.ts'
import { freeHelpReasons } from '../src/domains/listings/free-help.ts'

export function measure() {
  let tp = 0
  let fp = 0
  let fn = 0
  const mistakes: string[] = []
  for (const example of freeHelpCorpus) {
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
  return { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), mistakes }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { tp, fp, fn, precision, recall, mistakes } = measure()
  const commercial = freeHelpCorpus.filter((e) => e.commercial).length
  console.log(
    `examples: ${freeHelpCorpus.length} (${commercial} commercial, ${freeHelpCorpus.length - commercial} clean)`,
  )
  console.log(`held: ${tp + fp} (true ${tp}, false ${fp}); missed: ${fn}`)
  console.log(`precision: ${precision.toFixed(3)}  recall: ${recall.toFixed(3)}`)
  for (const line of mistakes) console.log(`  ${line}`)
}
