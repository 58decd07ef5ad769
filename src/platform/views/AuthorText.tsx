/**
 * Text a person typed (a listing, a message, a report): blank lines become paragraphs and single
 * line breaks stay line breaks; the text itself stays text, never HTML.
 */
export function AuthorText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>
          {para.split('\n').map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  )
}
