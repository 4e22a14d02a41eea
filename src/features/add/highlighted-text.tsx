import type { Quote } from '../../core/schema'

/**
 * One block's text with its quotes marked: React text nodes split at the quotes' offsets (UTF-16, as the
 * data states them), never markup built from the text. Overlapping quotes keep the first.
 */
export function HighlightedText({
  text,
  quotes,
  speakerClass,
}: {
  text: string
  quotes: readonly Quote[]
  /** The theme's class for a speaker's colours (`speaker-1` … `speaker-8`, `speaker-0` for unknown). */
  speakerClass: (speakerId: string | null) => string
}) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    if (q.start < at || q.end > text.length) continue
    if (q.start > at) parts.push(text.slice(at, q.start))
    parts.push(
      <mark key={q.id} className={`quote add-quote ${speakerClass(q.speakerId)}`} data-quote-id={q.id}>
        {text.slice(q.start, q.end)}
      </mark>,
    )
    at = q.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
