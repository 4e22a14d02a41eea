import { useEffect, useState, type RefObject } from 'react'
import { encodeSelector } from '../../core/selectors'
import { paths } from '../../lib/paths'
import { CopyLinkButton } from '../../ui/copy-link-button'
import { passageFromRange } from './selection-offsets'

/** Selections settle before the bar reacts, so dragging across text does not flicker it. */
const SETTLE_MS = 120

/**
 * The `?sel=` link for what the reader has selected in the article's text, or null. Follows the
 * selection however it is made — mouse, keyboard, touch handles — through `selectionchange`, with
 * mouseup/keyup/touchend as a backstop for browsers that fire it late.
 */
export function useSelectionLink(
  rootRef: RefObject<HTMLElement | null>,
  barRef: RefObject<HTMLElement | null>,
  articleId: string,
  /** Each paragraph's text by id. */
  texts: ReadonlyMap<string, string>,
): string | null {
  const [link, setLink] = useState<string | null>(null)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const update = () => {
      const root = rootRef.current
      const selection = document.getSelection()
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
      const found = root && range ? passageFromRange(range, root, (id) => texts.get(id)) : null
      if (found) {
        setLink(paths.article.build(articleId, { sel: encodeSelector(found.selector) }))
        return
      }
      // Moving to the bar (Tab, or a tap that clears the selection) must not take the button away.
      if (barRef.current?.contains(document.activeElement)) return
      setLink(null)
    }
    const schedule = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(update, SETTLE_MS)
    }
    // A press on the bar must not clear the selection it is about (some browsers collapse it on mousedown).
    const keepSelection = (event: MouseEvent) => event.preventDefault()
    const bar = barRef.current
    bar?.addEventListener('mousedown', keepSelection)
    // The end of a gesture settles the selection at once: a click on the bar right after it must copy
    // the whole selection, not a mid-drag state the debounce caught.
    const settleNow = () => {
      if (timer) clearTimeout(timer)
      update()
    }
    const gestureEnds = ['mouseup', 'keyup', 'touchend'] as const
    document.addEventListener('selectionchange', schedule)
    for (const e of gestureEnds) document.addEventListener(e, settleNow)
    return () => {
      if (timer) clearTimeout(timer)
      bar?.removeEventListener('mousedown', keepSelection)
      document.removeEventListener('selectionchange', schedule)
      for (const e of gestureEnds) document.removeEventListener(e, settleNow)
    }
  }, [rootRef, barRef, articleId, texts])
  return link
}

/**
 * "Copy link to selection", shown while a passage of the article is selected. A bar fixed to the
 * bottom of the screen (where the quote navigator sits) rather than a bubble at the selection: phones
 * draw their own selection menu and handles there, and the bar never covers the selected words.
 */
export function SelectionLinkBar({
  path,
  barRef,
}: {
  path: string | null
  barRef: RefObject<HTMLDivElement | null>
}) {
  return (
    <div ref={barRef} className="selection-bar" hidden={!path}>
      {path ? (
        <>
          <span className="selection-bar-label" aria-hidden="true">
            Passage selected
          </span>
          <CopyLinkButton
            path={path}
            label="Copy link to selection"
            copiedMessage="Link to the selected passage copied"
          />
        </>
      ) : null}
    </div>
  )
}
