import type { ComponentChildren } from 'preact'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { CsrfField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'

/** A button that posts: what a page offers when the next step changes something (no change on GET). */
export interface PostButton {
  action: string
  label: string
  /** hidden fields, e.g. the token of an email link */
  fields?: Record<string, string>
  /** a secondary action looks like a link */
  secondary?: boolean
}

interface Props {
  ctx: ViewContext
  title: string
  /** shown in a green box: the thing the person came to do is done */
  success?: string
  paragraphs?: string[]
  /** shown in a bordered box: what to do if something did not work */
  notice?: string
  button?: PostButton
  links?: { href: string; text: string }[]
  children?: ComponentChildren
}

export function PostButtonForm({ ctx, button }: { ctx: ViewContext; button: PostButton }) {
  return (
    <form method="post" action={button.action}>
      <CsrfField ctx={ctx} />
      {Object.entries(button.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <button type="submit" class={button.secondary ? 'link-button' : undefined}>
        {button.label}
      </button>
    </form>
  )
}

/**
 * The pages of the identity flows that say one thing and offer one next step: « check your
 * mailbox », « this link has expired », « your password has changed »…
 */
export function MessagePage({
  ctx,
  title,
  success,
  paragraphs = [],
  notice,
  button,
  links = [],
  children,
}: Props) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {success && <p class="success">{success}</p>}
      {paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      {notice && <p class="notice">{notice}</p>}
      {children}
      {button && <PostButtonForm ctx={ctx} button={button} />}
      {links.length > 0 && (
        <ul class="results">
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.text}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
