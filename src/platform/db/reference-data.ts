import type { Tx } from './client.ts'

/** A data file the application ships and keeps loaded in the database (the communes of France…). */
export interface ReferenceDataset {
  name: string
  /** changes whenever the shipped file changes, so the data is reloaded exactly then */
  checksum(): Promise<string>
  /** replaces the data inside the given transaction */
  load(tx: Tx): Promise<void>
}
