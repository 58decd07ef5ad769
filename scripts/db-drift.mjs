// Fails when the *.schema.ts files declare something that no migration creates: drizzle-kit's
// generator runs on a scratch copy of migrations/ (the real folder is never written), and any
// migration it writes there is printed, since that SQL is what the schema and the database lack.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const scratch = mkdtempSync(join(tmpdir(), 'entraide-drift-'))
const out = join(scratch, 'migrations')
let status = 1
try {
  cpSync('migrations', out, { recursive: true })
  const before = new Set(readdirSync(out))
  const run = spawnSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect=postgresql',
      '--schema=./src/schema.ts',
      // drizzle-kit prefixes the folder with "./", so an absolute path would not resolve.
      `--out=${relative(process.cwd(), out)}`,
    ],
    // No terminal: a question about a renamed column must fail the check, not wait for an answer.
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  )
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr)
    console.error('db:drift : drizzle-kit a échoué (voir ci-dessus).')
  } else {
    const added = readdirSync(out).filter((name) => name.endsWith('.sql') && !before.has(name))
    if (added.length === 0) {
      console.log('db:drift : les migrations créent exactement le schéma déclaré.')
      status = 0
    } else {
      console.error('db:drift : le schéma déclaré diffère des migrations ; drizzle-kit écrirait :\n')
      for (const name of added) console.error(`-- ${name}\n${readFileSync(join(out, name), 'utf8')}\n`)
      console.error('Générez la migration avec « npm run db:generate » et ajoutez-la au commit.')
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
process.exit(status)
