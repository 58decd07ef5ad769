import type { ReferenceDataset } from './reference-data.ts'

// Filled by the communes module (src/platform/geo/communes.dataset.ts).
export const referenceDatasets: ReferenceDataset[] = []
