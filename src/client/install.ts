// Registers the service worker (offline page, own pages readable offline) and tells it the page's
// language, for the offline page it keeps. Without JavaScript or without service workers nothing
// happens and every page works as before. A later step (Web Push) asks for its permission from
// here, only after the person acts.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ language: document.documentElement.lang }))
    .catch(() => {})
}
