// Keeps a call campaign's figures current while the page is open. The page works without it (a
// link reloads it); this only refetches the page every few seconds and replaces the figures in
// their aria-live region, so a screen reader hears the change without the page moving.

const EVERY_MS = 5000

function start(region: HTMLElement) {
  let busy = false
  async function refresh() {
    if (busy || document.hidden) return
    busy = true
    try {
      const response = await fetch(location.pathname, {
        headers: { accept: 'text/html' },
        credentials: 'same-origin',
      })
      if (!response.ok) return
      const fresh = new DOMParser()
        .parseFromString(await response.text(), 'text/html')
        .querySelector<HTMLElement>('[data-campaign-figures]')
      if (fresh && fresh.innerHTML !== region.innerHTML) region.innerHTML = fresh.innerHTML
    } catch {
      // offline for a moment: the next tick tries again
    } finally {
      busy = false
    }
  }
  setInterval(refresh, EVERY_MS)
}

const region = document.querySelector<HTMLElement>('[data-campaign-figures]')
if (region) start(region)
