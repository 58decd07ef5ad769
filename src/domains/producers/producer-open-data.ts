import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { ProducerDirectoryService } from './producer-directory.service.ts'

type Row = Awaited<ReturnType<ProducerDirectoryService['openData']>>[number]

/**
 * The open data's columns, in the order of the CSV file; the JSON file has the same names, with
 * lists as arrays. docs/OPEN-DATA.md and the page /producteurs/donnees describe them.
 */
export const OPEN_DATA_COLUMNS: readonly {
  name: string
  about: MessageKey
  value: (r: Row) => string | string[]
}[] = [
  { name: 'id', about: 'producers.openData.col.id', value: (r) => r.id },
  { name: 'nom', about: 'producers.openData.col.nom', value: (r) => r.name },
  { name: 'commune_insee', about: 'producers.openData.col.commune_insee', value: (r) => r.commune.insee },
  { name: 'commune_nom', about: 'producers.openData.col.commune_nom', value: (r) => r.commune.name },
  { name: 'familles', about: 'producers.openData.col.familles', value: (r) => r.families },
  { name: 'labels', about: 'producers.openData.col.labels', value: (r) => r.labels },
  { name: 'modes_de_vente', about: 'producers.openData.col.modes_de_vente', value: (r) => r.modes },
  { name: 'produits', about: 'producers.openData.col.produits', value: (r) => r.products },
  { name: 'contact_type', about: 'producers.openData.col.contact_type', value: (r) => r.contact.kind },
  { name: 'contact', about: 'producers.openData.col.contact', value: (r) => r.contact.value },
  { name: 'mis_a_jour', about: 'producers.openData.col.mis_a_jour', value: (r) => r.updatedAt.toISOString() },
]

/** Lists in one CSV cell are joined by « | », which no code and no label holds. */
export const csvRow = (r: Row) => OPEN_DATA_COLUMNS.map((c) => [c.value(r)].flat().join(' | '))
export const jsonRow = (r: Row) => Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c.name, c.value(r)]))
