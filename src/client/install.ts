// Registers the service worker (offline page, own pages readable offline) and tells it the page's
// language, for the offline page it keeps. Without JavaScript or without service workers nothing
// happens and every page works as before. Push permission is asked only from « Mon compte », after
// the person presses its button (push.js); here, signing out takes this browser's push away too.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ language: document.documentElement.lang }))
    .catch(() => {})

  // The next person on this phone must not get the last one's notifications: the form names this
  // browser's subscription, which the app deletes, and the browser drops it.
  document.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement
    if (form.getAttribute('action') !== '/deconnexion' || form.dataset.pushChecked) return
    event.preventDefault()
    form.dataset.pushChecked = '1'
    // `ready` never settles when the worker failed to register: sign-out waits a second at most
    const late = new Promise<undefined>((resolve) => setTimeout(resolve, 1000))
    Promise.race([navigator.serviceWorker.ready, late])
      .then((registration) => registration?.pushManager?.getSubscription())
      .then(async (subscription) => {
        if (!subscription) return
        const field = document.createElement('input')
        field.type = 'hidden'
        field.name = 'pushEndpoint'
        field.value = subscription.endpoint
        form.append(field)
        await subscription.unsubscribe()
      })
      .catch(() => {})
      .finally(() => form.submit())
  })
}
