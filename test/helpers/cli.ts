import { type SpawnSyncReturns, spawnSync } from 'node:child_process'
import { runCommand } from '../../src/cli.ts'

const root = new URL('../../', import.meta.url).pathname

/**
 * The environment the command gets: the database of `target` (see `createTestTarget`), and not
 * the developer's own database, data directory, mail server or public address.
 */
function commandEnv(target: { env: Record<string, string> }): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of ['DATABASE_URL', 'PGLITE_DIR', 'SMTP_URL', 'PUBLIC_URL']) delete env[key]
  return { ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...target.env }
}

export interface CliRun {
  status: number
  stdout: string
  stderr: string
}

/**
 * Runs an `entraide` command in this process, as `bin/entraide.js` would, with its output and
 * exit status captured: the same code path without starting Node and compiling the sources again
 * for each call. `spawnCli` keeps a few runs of the real binary.
 */
export async function runCli(target: { env: Record<string, string> }, ...args: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const status = await runCommand(args, {
    env: commandEnv(target),
    out: (text) => out.push(`${text}\n`),
    err: (text) => err.push(`${text}\n`),
  })
  return { status, stdout: out.join(''), stderr: err.join('') }
}

/** Runs the real `entraide` binary with `args`, as an operator would, on the database of `target`. */
export function spawnCli(
  target: { env: Record<string, string> },
  ...args: string[]
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['bin/entraide.js', ...args], {
    cwd: root,
    env: commandEnv(target),
    encoding: 'utf8',
  })
}
