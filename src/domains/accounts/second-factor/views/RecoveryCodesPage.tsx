import type { ViewContext } from '../../../../platform/views/context.ts'
import { Layout } from '../../../../platform/views/Layout.tsx'

/** Shown once, right after they are made: only their digests are kept. */
export function RecoveryCodesPage({ ctx, codes, next }: { ctx: ViewContext; codes: string[]; next: string }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('totp.codes.title')}>
      <h1>{t('totp.codes.title')}</h1>
      <p class="success">{t('totp.codes.ready')}</p>
      <p>{t('totp.codes.intro')}</p>
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p class="notice">{t('totp.codes.once')}</p>
      <p>
        <a href={next}>{t('totp.codes.continue')}</a>
      </p>
    </Layout>
  )
}
