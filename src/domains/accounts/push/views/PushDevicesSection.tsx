import { formatDateTime } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ActionButton, Choices, CsrfField } from '../../../../platform/views/fields.tsx'
import { notificationTypes } from '../../profile/profile.ts'
import type { PushDeviceView } from '../push-device.ts'

export const PUSH_SECTION_ID = 'notifications-appareil'
export const devicePath = (id: string) => `/compte/appareils/${id}`

interface Props {
  ctx: ViewContext
  /** the platform's VAPID public key, which the browser subscribes with */
  publicKey: string
  devices: PushDeviceView[]
  /** the device whose choices were refused, and why */
  error?: { id: string; message: string } | undefined
}

/**
 * « Notifications sur cet appareil » on « Mon compte ». Subscribing needs JavaScript (the browser's
 * Push API): without it, or without push support, the section says so in words and the button
 * stays hidden; push.js shows the button and asks for permission only once it is pressed. Each
 * device's choices are a plain form that works without JavaScript.
 */
export function PushDevicesSection({ ctx, publicKey, devices, error }: Props) {
  const { t, locale } = ctx
  const name = (d: PushDeviceView) => d.device ?? t('push.device.unknown')
  return (
    <section id={PUSH_SECTION_ID} aria-labelledby={`${PUSH_SECTION_ID}-title`}>
      <h2 id={`${PUSH_SECTION_ID}-title`}>{t('push.title')}</h2>
      <p>{t('push.intro')}</p>
      <div
        class="push-subscribe"
        data-push-key={publicKey}
        data-push-working={t('push.working')}
        data-push-denied={t('push.denied')}
        data-push-failed={t('push.failed')}
        data-push-unsupported={t('push.unsupported')}
      >
        <output data-push-status class="push-status">
          {t('push.unsupported')}
        </output>
        <button type="button" data-push-button hidden>
          {t('push.subscribe')}
        </button>
      </div>
      <h3>{t('push.devices')}</h3>
      {devices.length === 0 && <p>{t('push.none')}</p>}
      {devices.map((d) => {
        const which = { device: name(d), date: formatDateTime(d.createdAt, locale) }
        return (
          <div class="push-device" key={d.id}>
            <form method="post" action={devicePath(d.id)}>
              <CsrfField ctx={ctx} />
              <Choices
                ctx={ctx}
                id={`appareil-${d.id}`}
                name="types"
                type="checkbox"
                legend={t('push.device.legend', which)}
                hint={t('push.device.hint')}
                error={error?.id === d.id ? error.message : undefined}
                options={notificationTypes.map(({ type, label }) => ({ value: type, label: t(label) }))}
                checked={d.types}
              />
              <button type="submit">
                {t('push.device.save')}
                <span class="visually-hidden"> {t('push.device.saveWhich', which)}</span>
              </button>
            </form>
            <ActionButton
              ctx={ctx}
              action={`${devicePath(d.id)}/retirer`}
              label={t('push.device.remove')}
              which={t('push.device.removeWhich', which)}
            />
          </div>
        )
      })}
    </section>
  )
}
