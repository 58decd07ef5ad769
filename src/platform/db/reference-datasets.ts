import { communesDataset } from '../geo/communes.dataset.ts'
import type { ReferenceDataset } from './reference-data.ts'

export const referenceDatasets: ReferenceDataset[] = [communesDataset]
