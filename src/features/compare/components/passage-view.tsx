import { memo, type ReactNode } from 'react'
import { FLAG_ACTIVE, FLAG_SELECTED, FLAG_SOURCE, type HighlightStore } from '../model/highlight-store'
import { KIND_LABEL } from '../model/labels'
import { isLinkedKind, type Passage } from '../model/passages'

export function passageDomId(side: string, key: string): string {
  return `cmp-${side}-${key}`
}

/** The passage's words as text nodes, with linked fragments narrower than the sentence wrapped. */
function passageText(passage: Passage): ReactNode {
  if (passage.marks.length === 0) return passage.text
  const out: ReactNode[] = []
  let cursor = 0
  for (const mark of passage.marks) {
    if (mark.start > cursor) out.push(passage.text.slice(cursor, mark.start))
    out.push(
      <span key={mark.start} className="cmp-linked-words">
        {passage.text.slice(mark.start, mark.end)}
      </span>,
    )
    cursor = mark.end
  }
  if (cursor < passage.text.length) out.push(passage.text.slice(cursor))
  return out
}

/** Writes a passage's highlight flags to its element: hover and focus change them without React. */
export function applyPassageFlags(el: HTMLElement, flags: number): void {
  el.toggleAttribute('data-active', (flags & FLAG_ACTIVE) !== 0)
  el.toggleAttribute('data-source', (flags & FLAG_SOURCE) !== 0)
  el.toggleAttribute('data-selected', (flags & FLAG_SELECTED) !== 0)
  if (el.getAttribute('role') === 'button')
    el.setAttribute('aria-pressed', String((flags & FLAG_SELECTED) !== 0))
}

/**
 * One marked sentence. Linked passages are buttons (choosing one selects its link); passages found only
 * here are reachable by "Next difference" but are not buttons, since choosing them does nothing. The
 * kind is never told by colour alone: every passage starts with its kind's name in a visually hidden span
 * (so a screen reader says it in any reading mode, not only on focus), and a linked one shows the kind's
 * letter, drawn by the stylesheet. Neither the letter nor the name is in the text a reader copies (the
 * name is not selectable). Hover and focus come in through the column's delegated handlers, not per
 * passage.
 *
 * It renders once per comparison with the highlight state of that moment (on the server too, so a
 * prerendered deep link shows the selected pair); later changes are written to the element by
 * `applyPassageFlags`, so pointing at a sentence touches only the few elements it lights up.
 */
export const PassageView = memo(function PassageView({
  passage,
  store,
}: {
  passage: Passage
  store: HighlightStore
}) {
  if (passage.kind === 'plain') return passage.text
  const flags = store.flagsOf(passage)
  const linked = isLinkedKind(passage.kind)
  return (
    <span
      id={passageDomId(passage.side, passage.key)}
      className="cmp-passage"
      data-key={passage.key}
      data-kind={passage.kind}
      data-link-ids={linked ? passage.linkIds.join(' ') : undefined}
      data-active={flags & FLAG_ACTIVE ? '' : undefined}
      data-source={flags & FLAG_SOURCE ? '' : undefined}
      data-selected={flags & FLAG_SELECTED ? '' : undefined}
      role={linked ? 'button' : undefined}
      tabIndex={linked ? 0 : -1}
      aria-pressed={linked ? (flags & FLAG_SELECTED) !== 0 : undefined}
    >
      <span className="cmp-sr-only cmp-kind-name">{KIND_LABEL[passage.kind]}: </span>
      {passageText(passage)}
    </span>
  )
})
