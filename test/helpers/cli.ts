import { type SpawnSyncReturns, spawnSync } from 'node:child_process'

const root = new URL('../../', import.meta.url).pathname

/**
 * Runs the real `entraide` command with `args`, as an operator would, on the database of `target`
 * (see `createTestTarget`). The developer's own database, data directory, mail server and public
 * address are left out of its environment so that the command can reach none of them.
 */
export function runCli(target: { env: Record<string, string> }, ...args: string[]): SpawnSyncReturns<string> {
  const env = { ...process.env }
  for (const key of ['DATABASE_URL', 'PGLITE_DIR', 'SMTP_URL', 'PUBLIC_URL']) delete env[key]
  return spawnSync(process.execPath, ['bin/entraide.js', ...args], {
    cwd: root,
    env: { ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...target.env },
    encoding: 'utf8',
  })
}
