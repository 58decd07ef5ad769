// Registers the service worker (offline page, own pages readable offline). Without JavaScript or
// without service workers nothing happens and every page works as before. A later step (Web
// Push) asks for its permission from here, only after the person acts.
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {})
