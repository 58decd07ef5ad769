// « Notifications sur cet appareil » on « Mon compte ». The page says, in words, that this browser
// cannot receive notifications; where it can, this module shows the button instead. Permission is
// asked only when the person presses it, never on load: the browser then subscribes with the
// platform's public key, and the subscription is posted to the app, which comes back to the page.

const box = document.querySelector<HTMLElement>('[data-push-key]')
const button = box?.querySelector<HTMLButtonElement>('[data-push-button]')
const status = box?.querySelector<HTMLElement>('[data-push-status]')

const supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window

function say(text: string | undefined) {
  if (status && text) status.textContent = text
}

/** The public key as the Push API wants it: bytes, from base64url. */
function keyBytes(base64url: string): ArrayBuffer {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer as ArrayBuffer
}

async function subscribe(key: string) {
  const registration = await navigator.serviceWorker.ready
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) }))
  const csrf = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
  const response = await fetch('/api/v1/me/push-subscriptions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(subscription.toJSON()),
  })
  if (!response.ok) throw new Error(String(response.status))
}

if (box && button && status && supported) {
  const key = box.dataset.pushKey ?? ''
  status.textContent = Notification.permission === 'denied' ? (box.dataset.pushDenied ?? '') : ''
  button.hidden = false
  button.addEventListener('click', async () => {
    button.disabled = true
    say(box.dataset.pushWorking)
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        say(box.dataset.pushDenied)
        return
      }
      await subscribe(key)
      window.location.assign('/compte?appareil=ajoute#notifications-appareil')
    } catch {
      say(box.dataset.pushFailed)
    } finally {
      button.disabled = false
    }
  })
}
