import { useEffect, useState, type RefObject } from 'react'
import { encodeSelector } from '../../core/selectors'
import { CopyLinkButton } from '../../ui/copy-link-button'
import { passageFromRange } from './selection-offsets'
import { useArticlePath } from './article-path'

/** Selections settle before the bar reacts, so dragging across text does not flicker it. */
const SETTLE_MS = 120

/**
 * The `?sel=` link for what the reader has selected in the article's text, or null. Follows the
 * selection however it is made — mouse, keyboard, touch handles — through `selectionchange`, with
 * mouseup/keyup/touchend as a backstop for browsers that fire it late.
 */
/** The link for a selection, and how many later paragraphs of the selection it leaves out. */
export type SelectionLink = { path: string; paragraphId: string; leftOut: number }

export function useSelectionLink(
  rootRef: RefObject<HTMLElement | null>,
  barRef: RefObject<HTMLElement | null>,
  articleId: string,
  /** Each paragraph's text by id. */
  texts: ReadonlyMap<string, string>,
): SelectionLink | null {
  const [link, setLink] = useState<SelectionLink | null>(null)
  const articlePath = useArticlePath()

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const update = () => {
      const root = rootRef.current
      const selection = document.getSelection()
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
      const found = root && range ? passageFromRange(range, root, (id) => texts.get(id)) : null
      if (found) {
        const path = articlePath(articleId, { sel: encodeSelector(found.selector) })
        const paragraphId = found.range.paragraphId
        const leftOut = found.leftOut.length
        setLink((old) =>
          old?.path === path && old.leftOut === leftOut ? old : { path, paragraphId, leftOut },
        )
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
  }, [rootRef, barRef, articleId, texts, articlePath])
  return link
}

/** "p3" -> "paragraph 3". */
function paragraphName(id: string): string {
  const n = /^p(\d+)$/.exec(id)?.[1]
  return n ? `paragraph ${n}` : id
}

/**
 * "Copy link to selection", shown while a passage of the article is selected. A bar just above the quote
 * navigator, docked with it at the bottom of the screen, rather than a bubble at the selection: phones draw
 * their own selection menu and handles there, and the bar covers neither the selected words, the navigator
 * nor the page's footer. A link covers one paragraph: when the selection runs on, the bar says so.
 */
export function SelectionLinkBar({
  link,
  barRef,
}: {
  link: SelectionLink | null
  barRef: RefObject<HTMLDivElement | null>
}) {
  const cut =
    link && link.leftOut > 0
      ? `The link covers ${paragraphName(link.paragraphId)} only, not the ${
          link.leftOut === 1 ? 'next paragraph' : `${link.leftOut} paragraphs after it`
        }`
      : null
  return (
    <div ref={barRef} className="selection-bar" hidden={!link}>
      {link ? (
        <>
          {cut ? (
            <span className="selection-bar-note">{cut}</span>
          ) : (
            <span className="selection-bar-label" aria-hidden="true">
              Passage selected
            </span>
          )}
          <CopyLinkButton
            path={link.path}
            label="Copy link to selection"
            copiedMessage={
              cut
                ? `Link to the selected passage in ${paragraphName(link.paragraphId)} copied`
                : 'Link to the selected passage copied'
            }
          />
        </>
      ) : null}
    </div>
  )
}
