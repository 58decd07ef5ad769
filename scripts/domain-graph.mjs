// Checks the rules between domains that the module level cannot see: a domain uses another only
// through its public entry (`index.ts`), and no two domains depend on each other, even through a
// third one or a type-only import. Prints the graph between domains, then any breach; exits 1 on a breach.
import { execFileSync } from 'node:child_process'

const out = execFileSync(
  'npx',
  ['depcruise', 'src', 'test', 'bench', '--no-config', '--ts-pre-compilation-deps', '--output-type', 'json'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
)
const { modules } = JSON.parse(out)

const domainOf = (path) => /^src\/domains\/([^/]+)\//.exec(path)?.[1] ?? null
// A schema file names another domain's table only for a foreign key: the database keeps the
// reference whole, and no query of the importing domain reads that table.
const isForeignKey = (from, to) => from.endsWith('.schema.ts') && to.endsWith('.schema.ts')
// The tenant is moving to the platform; until it lands, its type and table are shared ground.
const isTenant = (to) => /^src\/domains\/territories\/territory(\.schema)?\.ts$/.test(to)
// The form fields and text helpers of the listings' views are moving to the platform's views too.
const isSharedView = (to) => /^src\/domains\/listings\/views\/(format\.ts|inputs\.tsx|parts\.tsx)$/.test(to)
const isEntry = (to) => /^src\/domains\/[^/]+\/index\.ts$/.test(to)

const breaches = []
const graph = new Map()
for (const m of modules) {
  const from = domainOf(m.source)
  if (!from) continue
  for (const dep of m.dependencies) {
    const to = domainOf(dep.resolved)
    if (!to || to === from) continue
    if (isTenant(dep.resolved)) continue
    if (!isEntry(dep.resolved) && !isForeignKey(m.source, dep.resolved) && !isSharedView(dep.resolved)) {
      breaches.push(`${m.source} reaches into ${dep.resolved}: import from src/domains/${to}/index.ts`)
    }
    if (!graph.has(from)) graph.set(from, new Set())
    graph.get(from).add(to)
  }
}

const domains = [...graph.keys()].sort()
for (const d of domains) console.log(`${d} -> ${[...graph.get(d)].sort().join(', ')}`)

// A domain that reaches itself again through the others is a cycle.
const reaches = (start) => {
  const seen = new Set()
  const stack = [...(graph.get(start) ?? [])]
  while (stack.length > 0) {
    const d = stack.pop()
    if (seen.has(d)) continue
    seen.add(d)
    for (const next of graph.get(d) ?? []) stack.push(next)
  }
  return seen
}
for (const d of domains) if (reaches(d).has(d)) breaches.push(`${d} depends on itself through other domains`)

for (const b of breaches) console.error(b)
process.exit(breaches.length > 0 ? 1 : 0)
