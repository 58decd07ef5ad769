/**
 * Where the start spends its time, phase by phase, so that a slow boot is measured before it
 * is cut. With BOOT_PROFILE=1 the phases are printed on stderr once the server listens, each
 * with its wall time and the CPU time the process used meanwhile (every thread: a loaded
 * machine stretches the first, hardly the second). The first phase, "modules", runs from the
 * process's start to the first line of main(): Node itself, then loading every module.
 */
export interface BootProfile {
  /** ends the current phase under this name and starts the next one */
  mark(phase: string): void
  print(): void
}

interface Phase {
  phase: string
  ms: number
  cpuMs: number
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

export function bootProfile(enabled = Boolean(process.env.BOOT_PROFILE)): BootProfile {
  const phases: Phase[] = []
  // performance.now() and process.cpuUsage() both count from the process's start.
  let lastMs = 0
  let lastCpu = 0
  const line = (p: Phase) =>
    `  ${p.phase.padEnd(24)} ${p.ms.toFixed(0).padStart(6)} ms  cpu ${p.cpuMs.toFixed(0).padStart(6)} ms`
  return {
    mark(phase) {
      if (!enabled) return
      const now = performance.now()
      const cpu = cpuMs()
      phases.push({ phase, ms: now - lastMs, cpuMs: cpu - lastCpu })
      lastMs = now
      lastCpu = cpu
    },
    print() {
      if (!enabled) return
      const total = { phase: 'total', ms: lastMs, cpuMs: lastCpu }
      process.stderr.write(`boot profile:\n${[...phases, total].map(line).join('\n')}\n`)
    },
  }
}
