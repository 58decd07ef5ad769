/** Declares a concept's texts: English must carry exactly the French keys. */
export function defineMessages<const F extends Record<string, string>>(
  fr: F,
  en: { [K in keyof F]: string },
) {
  return { fr, en }
}
