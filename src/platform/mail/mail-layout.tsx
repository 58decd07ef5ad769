import { renderToString } from 'preact-render-to-string'

/**
 * A mail is a list of blocks rendered twice, as HTML and as plain text, so the two versions
 * always say the same thing. A mail has one button at most, the one thing it asks of its reader;
 * other addresses (another conversation, unsubscribing) are plain links, `small` for those
 * nobody came for.
 */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'link'; label: string; href: string; small?: boolean }
  | { kind: 'note'; text: string }

export interface MailFrame {
  locale: string
  subject: string
  /** the platform's name, shown as the header */
  brand: string
  /** the header and button colour; territories must pick one with 4.5:1 contrast against white */
  colour: string
  blocks: MailBlock[]
  footer: string[]
}

const FONT = 'Arial, Helvetica, sans-serif'
const TEXT_COLOUR = '#1e1e1e'

/**
 * Mail clients ignore style sheets and most modern CSS: layout tables, inline styles and
 * system fonts are what renders the same in webmails, Outlook and phones.
 */
function MailHtml({ frame }: { frame: MailFrame }) {
  return (
    <html lang={frame.locale}>
      <head>
        <meta httpEquiv="Content-Type" content="text/html; charset=utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{frame.subject}</title>
      </head>
      <body style={{ margin: '0', padding: '0', backgroundColor: '#f3f3f3' }}>
        <table
          role="presentation"
          width="100%"
          cellPadding="0"
          cellSpacing="0"
          style={{ backgroundColor: '#f3f3f3' }}
        >
          <tr>
            <td align="center" style={{ padding: '24px 12px' }}>
              <table
                role="presentation"
                width="600"
                cellPadding="0"
                cellSpacing="0"
                style={{ maxWidth: '600px', width: '100%', backgroundColor: '#ffffff' }}
              >
                <tr>
                  <td
                    style={{
                      backgroundColor: frame.colour,
                      color: '#ffffff',
                      padding: '16px 24px',
                      fontFamily: FONT,
                      fontSize: '20px',
                      fontWeight: 'bold',
                    }}
                  >
                    {frame.brand}
                  </td>
                </tr>
                <tr>
                  <td
                    style={{
                      padding: '24px',
                      fontFamily: FONT,
                      fontSize: '16px',
                      lineHeight: '1.5',
                      color: TEXT_COLOUR,
                    }}
                  >
                    {frame.blocks.map((block, i) => (
                      <Block block={block} colour={frame.colour} key={i} />
                    ))}
                  </td>
                </tr>
                <tr>
                  <td
                    style={{
                      padding: '16px 24px',
                      borderTop: '1px solid #d6d6d6',
                      fontFamily: FONT,
                      fontSize: '14px',
                      lineHeight: '1.4',
                      color: '#4a4a4a',
                    }}
                  >
                    {frame.footer.map((line, i) => (
                      <p key={i} style={{ margin: '0 0 8px' }}>
                        {line}
                      </p>
                    ))}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  )
}

function Block({ block, colour }: { block: MailBlock; colour: string }) {
  if (block.kind === 'button') {
    return (
      <p style={{ margin: '24px 0' }}>
        <a
          href={block.href}
          style={{
            backgroundColor: colour,
            color: '#ffffff',
            display: 'inline-block',
            padding: '12px 20px',
            borderRadius: '4px',
            fontWeight: 'bold',
            textDecoration: 'none',
          }}
        >
          {block.label}
        </a>
      </p>
    )
  }
  if (block.kind === 'link') {
    const size = block.small ? '14px' : '16px'
    return (
      <p style={{ margin: '0 0 16px', fontSize: size }}>
        <a href={block.href} style={{ color: TEXT_COLOUR, textDecoration: 'underline' }}>
          {block.label}
        </a>
      </p>
    )
  }
  const small = block.kind === 'note'
  return <p style={{ margin: '0 0 16px', fontSize: small ? '14px' : '16px' }}>{block.text}</p>
}

export function renderMailHtml(frame: MailFrame): string {
  return `<!doctype html>${renderToString(<MailHtml frame={frame} />)}`
}

/** Plain text for clients that show no HTML and for screen readers that prefer it. */
export function renderMailText(frame: MailFrame): string {
  const lines = [frame.brand, '='.repeat(Math.min(frame.brand.length, 72)), '']
  for (const block of frame.blocks) {
    if (block.kind === 'button' || block.kind === 'link') lines.push(block.label, block.href, '')
    else lines.push(block.text, '')
  }
  lines.push('-- ', ...frame.footer)
  return `${lines.join('\n')}\n`
}
