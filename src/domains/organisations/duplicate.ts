/** A unique index refused the row: another organisation of the territory has that SIRET or RNA. */
export function isDuplicateRegistration(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: unknown } | null)?.code
  const cause = (error as { cause?: unknown } | null)?.cause
  return code(error) === '23505' || code(cause) === '23505'
}
