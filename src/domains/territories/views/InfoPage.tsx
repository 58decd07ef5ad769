import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { Paragraphs } from './Paragraphs.tsx'

/** Legal notice, privacy, accessibility, charter, contact: a title and paragraphs of plain text. */
export function InfoPage({ ctx, title, text }: { ctx: ViewContext; title: string; text: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <div class="prose">
        <Paragraphs text={text} />
      </div>
    </Layout>
  )
}
