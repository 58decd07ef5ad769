import type { ViewContext } from '../../../platform/views/context.ts'
import type { ReportTarget } from '../report.schema.ts'

/** « Signaler » next to a listing, a message or a person: opens the report form for it. */
export function ReportLink({ ctx, target, id }: { ctx: ViewContext; target: ReportTarget; id: string }) {
  const { t: _t } = ctx
  return <a href={`/signaler?cible=${target}&id=${id}`}>Signaler</a>
}
