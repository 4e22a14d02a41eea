import type { Ref } from 'react'

/**
 * A part of a prerendered page kept exactly as the server wrote it, outside React, until the app replaces
 * it with the live component (whose code may not have been downloaded yet).
 *
 * Only ever used while hydrating: `markup` is the element's own current content in the document (see
 * `readPrerenderedMarkup`), never data, and hydration does not write `dangerouslySetInnerHTML` to the DOM:
 * React adopts the element as it is and never looks inside. (This is the one reviewed use of the prop; see
 * test/security/html-sinks.test.ts.) Nothing inside is interactive through React meanwhile: links are
 * plain links.
 * See docs/decisions/0016-summary-island.md.
 */
export function PrerenderedIsland({
  className,
  markup,
  ref,
}: {
  className: string
  markup: string
  ref?: Ref<HTMLDivElement>
}) {
  return <div ref={ref} className={className} dangerouslySetInnerHTML={{ __html: markup }} />
}

/** The current content of the document's first `div.<className>`, if the page has one. */
export function readPrerenderedMarkup(className: string): string | null {
  if (typeof document === 'undefined') return null
  return document.querySelector(`div.${CSS.escape(className)}`)?.innerHTML ?? null
}
