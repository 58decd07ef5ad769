import type { Equation } from '../../src/domains/statistics/suppression.ts'
import { solveLp } from '../../src/platform/optimisation/highs-thread.ts'

/**
 * The hidden keys someone could recompute from what is published: for each hidden value, the
 * smallest and largest it can be given every published equation (published values fixed, hidden
 * ones ≥ 0), solved exactly; equal bounds mean the value is given away.
 */
export async function recomputableKeys(
  values: Map<string, number>,
  equations: Equation[],
  hidden: Set<string>,
): Promise<string[]> {
  const names = new Map([...hidden].map((key, i) => [key, `h${i}`]))
  const constraints: string[] = []
  equations.forEach((equation, i) => {
    const terms: string[] = []
    let rhs = 0
    const add = (key: string, sign: 1 | -1) => {
      const name = names.get(key)
      if (name) terms.push(`${sign > 0 ? '+' : '-'} ${name}`)
      else rhs -= sign * (values.get(key) ?? 0)
    }
    for (const part of equation.parts) add(part, 1)
    add(equation.total, -1)
    if (terms.length > 0) constraints.push(` e${i}: ${terms.join(' ')} = ${rhs}`)
  })
  const given: string[] = []
  for (const [key, name] of names) {
    const bounds = await Promise.all(
      (['Minimize', 'Maximize'] as const).map(async (sense) => {
        const lp = `${sense}\n obj: ${name}\nSubject To\n${constraints.join('\n') || ' c: h0 >= 0'}\nBounds\n${[...names.values()].map((n) => ` ${n} >= 0`).join('\n')}\nEnd`
        const solved = await solveLp(lp, { log_to_console: false })
        if (solved.status === 'Unbounded') return Infinity
        if (solved.status !== 'Optimal') throw new Error(`${sense} ${key}: ${solved.status}`)
        return solved.values.get(name) ?? 0
      }),
    )
    if (Math.abs((bounds[1] as number) - (bounds[0] as number)) < 0.5) given.push(key)
  }
  return given
}
