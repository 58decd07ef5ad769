import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'

/** A short page that says why something could not be done, and where to go on. */
export function MissionMessagePage({
  ctx,
  title,
  text,
  back,
}: {
  ctx: ViewContext
  title: string
  text: string
  back: { href: string; label: string }
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </Layout>
  )
}
