/** The link of a mail, made relative so the browser stays on the server under test. */
export function linkIn(text: string): string {
  const url = new URL(/https?:\/\/\S+jeton=[\w-]+/.exec(text)![0])
  return `${url.pathname}${url.search}`
}
