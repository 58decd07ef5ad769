/**
 * The one check for every address a request asks us to go back to (`retour`, a notification's
 * link): a path of this site, never another site (open redirect), never a header break (500).
 *
 * Browsers strip tab, CR and LF from a URL before reading it, so `/\t/evil.example` becomes
 * `//evil.example`, another host; they read `\` as `/`, so `/\evil.example` is one too. Some
 * proxies decode the path once more, so `/%2F/evil.example` and `/%5Cevil.example` are refused as
 * well. Anything with a control character, a backslash, a space or that does not start with
 * exactly one slash is refused; schemes (`https:`, `javascript:`) never start with a slash.
 */
export function isLocalPath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return false
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(value)) return false
  let form = value
  // The raw form, then decoded once and twice: as deep as a proxy in front of us and the browser decode.
  for (let round = 0; round < 3; round++) {
    if (!isPlainPath(form)) return false
    const decoded = decodeOnce(form)
    if (decoded === form) break
    form = decoded
  }
  // What a browser would resolve it to must still be this site.
  const base = 'http://entraide.invalid'
  return new URL(value, base).origin === base
}

/** Starts with one slash, and its path (before `?` or `#`, where a decoded `\` or space is harmless) is clean. */
function isPlainPath(form: string): boolean {
  const path = form.split(/[?#]/, 1)[0] ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return path.startsWith('/') && !path.startsWith('//') && !/[\u0000-\u001f\u007f-\u009f\\]/.test(path)
}

/** Byte by byte, so that a lone `%` or a sequence that is not UTF-8 never throws. */
function decodeOnce(form: string): string {
  return form.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}

/**
 * `value` when it is a path of this site, written as a browser would send it (so a `Location`
 * header never holds a character Node refuses); otherwise `fallback`.
 */
export function localPathOr(value: unknown, fallback = '/'): string {
  if (!isLocalPath(value)) return fallback
  const url = new URL(value, 'http://entraide.invalid')
  const path = `${url.pathname}${url.search}${url.hash}`
  return path.length > 500 ? fallback : path
}
