#!/usr/bin/env node
// The CLI runs the compiled build (dist/, made by `npm run build` or `npm start`) when it is at
// least as new as every source file, so an operator's commands start as fast as the server;
// otherwise it runs the TypeScript sources through tsx's loader, as in development.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const built = join(root, 'dist', '.built')

/** A source file changed since the build: its compiled output would run yesterday's code. */
function newerSource(dir, since) {
  if (!existsSync(dir)) return false
  return readdirSync(dir, { withFileTypes: true }).some((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? newerSource(path, since) : statSync(path).mtimeMs > since
  })
}

let runCommand
if (existsSync(built) && !newerSource(join(root, 'src'), statSync(built).mtimeMs)) {
  ;({ runCommand } = await import('../dist/cli.js'))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ runCommand } = await import('../src/cli.ts'))
}
process.exit(await runCommand(process.argv.slice(2)))
