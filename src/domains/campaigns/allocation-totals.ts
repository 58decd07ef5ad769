import { haversineKm } from '../../platform/geo/distance.ts'
import type { ProposalRow } from './allocation.repository.ts'
import type { PointStock } from './ledger.repository.ts'

/** Units per priority and per point, and the travel of each row, for the page and the API. */
export function proposalTotals(rows: ProposalRow[], stock: PointStock[]) {
  const byPriority = { 'front-line': 0, vulnerable: 0, general: 0 }
  const byPoint = new Map<string, number>()
  for (const { allocation, request, point } of rows) {
    byPriority[request.priority] += allocation.quantity
    byPoint.set(point.id, (byPoint.get(point.id) ?? 0) + allocation.quantity)
  }
  return { byPriority, byPoint, stock: new Map(stock.map((s) => [s.pointId, s.available])) }
}

export const rowKm = (row: ProposalRow) => haversineKm(row.request, row.point)
