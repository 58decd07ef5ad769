#!/usr/bin/env node
// The CLI runs the TypeScript sources directly, like the server, through tsx's loader.
import { register } from 'tsx/esm/api'

register()
const { runCommand } = await import('../src/cli.ts')
process.exit(await runCommand(process.argv.slice(2)))
