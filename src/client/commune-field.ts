// Suggests communes as the person types in a [data-commune-autocomplete] field. The field is a
// plain text input that the server reads on its own; this only fills a <datalist>, which
// browsers and screen readers already present as an accessible list of suggestions.

const DEBOUNCE_MS = 200
const MIN_LENGTH = 2
const MAX_LENGTH = 100

interface CommuneSuggestion {
  label: string
}

function enhance(input: HTMLInputElement, index: number) {
  const list = document.createElement('datalist')
  list.id = `${input.id || `commune-field-${index}`}-suggestions`
  input.after(list)
  input.setAttribute('list', list.id)

  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: AbortController | undefined
  let lastQuery = ''

  async function suggest(query: string) {
    pending?.abort()
    pending = new AbortController()
    try {
      const response = await fetch(`/api/v1/communes?q=${encodeURIComponent(query)}&limit=10`, {
        headers: { accept: 'application/json' },
        signal: pending.signal,
      })
      if (!response.ok) return
      const body = (await response.json()) as { communes: CommuneSuggestion[] }
      list.replaceChildren(
        ...body.communes.map((commune) => {
          const option = document.createElement('option')
          option.value = commune.label
          return option
        }),
      )
    } catch {
      // Offline or aborted by a newer keystroke: the field still works as plain text.
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    const query = input.value.trim()
    // A picked suggestion is already a full label: asking again would only reshuffle the list.
    const picked = Array.from(list.options).some((option) => option.value === input.value)
    if (picked || query === lastQuery) return
    if (query.length < MIN_LENGTH || query.length > MAX_LENGTH) {
      list.replaceChildren()
      return
    }
    timer = setTimeout(() => {
      lastQuery = query
      void suggest(query)
    }, DEBOUNCE_MS)
  })
}

document.querySelectorAll<HTMLInputElement>('input[data-commune-autocomplete]').forEach(enhance)
