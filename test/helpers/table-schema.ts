/**
 * The part of the Table Schema specification (frictionless) the open data uses, to check a
 * descriptor's shape and a table's rows against it: types integer, string and yearmonth;
 * constraints required, pattern, enum, minimum, maximum; missingValues; primaryKey uniqueness.
 */

interface Field {
  name: string
  type: string
  title?: string
  description?: string
  constraints?: { required?: boolean; pattern?: string; enum?: unknown[]; minimum?: number; maximum?: number }
}
export interface Descriptor {
  fields: Field[]
  missingValues?: string[]
  primaryKey?: string | string[]
}

const TYPES = new Set(['integer', 'string', 'yearmonth'])
const CONSTRAINTS = new Set(['required', 'pattern', 'enum', 'minimum', 'maximum'])

/** What is wrong with the descriptor itself; empty when nothing. */
export function descriptorProblems(d: unknown): string[] {
  const problems: string[] = []
  const descriptor = d as Descriptor
  if (!Array.isArray(descriptor?.fields) || descriptor.fields.length === 0)
    return ['fields: a non-empty array']
  const names = new Set<string>()
  for (const f of descriptor.fields) {
    if (typeof f.name !== 'string' || f.name === '') problems.push('a field without a name')
    if (names.has(f.name)) problems.push(`${f.name}: named twice`)
    names.add(f.name)
    if (!TYPES.has(f.type)) problems.push(`${f.name}: type ${f.type} unknown`)
    if (typeof f.title !== 'string' || f.title === '') problems.push(`${f.name}: no title`)
    if (typeof f.description !== 'string' || f.description === '') problems.push(`${f.name}: no description`)
    for (const key of Object.keys(f.constraints ?? {}))
      if (!CONSTRAINTS.has(key)) problems.push(`${f.name}: constraint ${key} unknown`)
    if (f.constraints?.pattern !== undefined) {
      try {
        new RegExp(f.constraints.pattern)
      } catch {
        problems.push(`${f.name}: pattern does not compile`)
      }
    }
  }
  if (
    descriptor.missingValues !== undefined &&
    (!Array.isArray(descriptor.missingValues) || descriptor.missingValues.some((v) => typeof v !== 'string'))
  )
    problems.push('missingValues: an array of strings')
  for (const key of primaryKey(descriptor))
    if (!names.has(key)) problems.push(`primaryKey: ${key} is no field`)
  return problems
}

function primaryKey(d: Descriptor): string[] {
  return d.primaryKey === undefined ? [] : Array.isArray(d.primaryKey) ? d.primaryKey : [d.primaryKey]
}

/**
 * What is wrong with the rows: CSV rows (strings, the header first) or JSON objects, whose
 * values are read as the physical form of the field (a string in CSV, a number or a string in JSON).
 */
export function tableProblems(
  d: Descriptor,
  table: { csv: string[][] } | { json: Record<string, unknown>[] },
) {
  const problems: string[] = []
  const missing = new Set(d.missingValues ?? [''])
  let rows: Record<string, unknown>[]
  if ('csv' in table) {
    const [header, ...body] = table.csv
    const expected = d.fields.map((f) => f.name)
    if (JSON.stringify(header) !== JSON.stringify(expected))
      problems.push(`header ${JSON.stringify(header)} is not ${JSON.stringify(expected)}`)
    rows = body.map((cells, i) => {
      if (cells.length !== expected.length) problems.push(`row ${i + 2}: ${cells.length} cells`)
      return Object.fromEntries(expected.map((name, j) => [name, cells[j]]))
    })
  } else rows = table.json
  const keys = new Set<string>()
  rows.forEach((row, i) => {
    const where = (f: Field) => `row ${i + 1}, ${f.name}`
    const extra = Object.keys(row).filter((k) => !d.fields.some((f) => f.name === k))
    if (extra.length > 0) problems.push(`row ${i + 1}: unknown ${extra.join(', ')}`)
    const logical = new Map<string, unknown>()
    for (const f of d.fields) {
      const raw = row[f.name]
      const value =
        raw === undefined || raw === null || (typeof raw === 'string' && missing.has(raw)) ? null : raw
      logical.set(f.name, value)
      if (value === null) {
        if (f.constraints?.required) problems.push(`${where(f)}: required`)
        continue
      }
      const problem = valueProblem(f, value, 'csv' in table)
      if (problem) problems.push(`${where(f)}: ${problem} (${JSON.stringify(value)})`)
    }
    const pk = primaryKey(d)
    if (pk.length > 0) {
      const values = pk.map((k) => logical.get(k))
      if (values.some((v) => v === null)) problems.push(`row ${i + 1}: primary key with a missing value`)
      const key = JSON.stringify(values)
      if (keys.has(key)) problems.push(`row ${i + 1}: primary key ${key} twice`)
      keys.add(key)
    }
  })
  return problems
}

function valueProblem(f: Field, value: unknown, fromCsv: boolean): string | null {
  const c = f.constraints ?? {}
  let typed: string | number
  if (f.type === 'integer') {
    if (fromCsv && (typeof value !== 'string' || !/^[-+]?\d+$/.test(value))) return 'not an integer'
    if (!fromCsv && !Number.isInteger(value)) return 'not an integer'
    typed = Number(value)
    if (c.minimum !== undefined && typed < c.minimum) return `below ${c.minimum}`
    if (c.maximum !== undefined && typed > c.maximum) return `above ${c.maximum}`
  } else {
    if (typeof value !== 'string') return 'not a string'
    if (f.type === 'yearmonth' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return 'not a year and month'
    typed = value
    if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`).test(value))
      return `does not match ${c.pattern}`
  }
  if (c.enum !== undefined && !c.enum.includes(typed)) return 'not one of the values allowed'
  return null
}

/** RFC 4180: comma-separated, fields in double quotes when they hold a comma, a quote or a line break. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
