import {
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react'
import { flushSync } from 'react-dom'
import { Link, useLocation, useNavigationType, useSearchParams } from 'react-router'
import type { Article } from '../../../core/schema'
import { paths } from '../../../lib/paths'
import { ArticleText, markBlocksHoldingSelected } from './article-column'
import { createBlockBudget } from '../model/block-budget'
import { CompareFilters, filterShortLabel, KindLegend, LinkStepper } from './compare-toolbar'
import { createConnectorPainter } from '../model/connectors'
import { createHighlightStore, type FocusedPassage } from '../model/highlight-store'
import { LinkInspector } from './link-inspector'
import { speakersIn } from '../model/link-speakers'
import { OverviewStrip } from './overview-strip'
import { applyPassageFlags, passageDomId } from './passage-view'
import {
  blocksThrough,
  firstScreenBlocks,
  type Block,
  type CompareModel,
  type Passage,
  type Side,
} from '../model/passages'
import {
  blockShown,
  compareCounts,
  differences,
  linkForPassage,
  readCompareState,
  stepLink,
  stepPassage,
} from '../model/selection'
import { useFromServerHtml } from '../hooks/use-from-server-html'
import { createLayoutStore, useColumnLayout } from '../hooks/use-column-layout'
import { NARROW_QUERY, scrollBehavior, useMediaQuery } from '../hooks/use-media-query'

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left')
/** Hovering must rest this long before the other column scrolls, so sweeping the pointer across text does not. */
const HOVER_SCROLL_DELAY_MS = 150

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  return Boolean(
    target.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"], [role="searchbox"]',
    ),
  )
}

function passageFromEvent(event: { target: EventTarget | null }): FocusedPassage | null {
  if (!(event.target instanceof Element)) return null
  const el = event.target.closest<HTMLElement>('.cmp-passage[data-key]')
  const column = el?.closest<HTMLElement>('[data-column]')?.dataset.column
  if (!el?.dataset.key || (column !== 'left' && column !== 'right')) return null
  return { side: column, key: el.dataset.key }
}

type Reveal = { focus: Side | null; keep: Side | null }

/**
 * The side-by-side view: two articles with every linked passage joined to its counterpart. The URL holds
 * what is worth sharing (`link`, `filter`, `pane`); hover and focus are transient and live in a small
 * store so they never re-render the articles.
 */
export function CompareWorkspace({
  left,
  right,
  model,
  labels,
}: {
  left: Article
  right: Article
  model: CompareModel
  labels: Record<Side, string>
}) {
  const [searchParams, setSearchParams] = useSearchParams()
  const state = readCompareState(searchParams, model)
  const isNarrow = useMediaQuery(NARROW_QUERY)
  const navigationType = useNavigationType()
  const { key: entryKey } = useLocation()
  // The workspace is keyed by the pair, so the model never changes under this store.
  const [store] = useState(() => createHighlightStore(model, state.link))
  const rootRef = useRef<HTMLElement>(null)
  const leftScroller = useRef<HTMLDivElement>(null)
  const rightScroller = useRef<HTMLDivElement>(null)
  const scrollerOf = (side: Side) => (side === 'left' ? leftScroller.current : rightScroller.current)
  const gutterRef = useRef<SVGSVGElement>(null)
  const [layoutStore] = useState(createLayoutStore)
  // Server HTML has every block. A page rendered here starts with a screen of each article; the rest
  // follows in batches once the links in view are drawn (see block-budget.ts).
  const fromServerHtml = useFromServerHtml()
  const [budget] = useState(() => {
    if (fromServerHtml || typeof window === 'undefined') {
      return createBlockBudget(model, { left: model.left.blocks.length, right: model.right.blocks.length })
    }
    const screen = {
      width: window.innerWidth,
      height: window.innerHeight,
      wide: !isNarrow,
      rem: parseFloat(getComputedStyle(document.documentElement).fontSize) || 16,
      // Back, forward or a reload: ScrollRestoration may scroll the window down to the columns. (A first
      // visit's history entry has no key of its own.)
      restoring: navigationType === 'POP' && entryKey !== 'default',
    }
    const shown = (block: Block) => blockShown(block, state.filter)
    return createBlockBudget(model, {
      left: firstScreenBlocks(model.left, screen, shown),
      right: firstScreenBlocks(model.right, screen, shown),
    })
  })
  useEffect(() => () => budget.stop(), [budget])
  // Print gets both articles whole: the paragraphs still to come are rendered before the browser lays
  // out the pages (synchronously: it prints as soon as this listener returns). Nothing extra on a first
  // render.
  useEffect(() => {
    const renderAll = () => flushSync(() => budget.showAll())
    window.addEventListener('beforeprint', renderAll)
    return () => window.removeEventListener('beforeprint', renderAll)
  }, [budget])

  // The connectors follow every measurement and scroll frame, drawn straight into the gutter (see
  // connectors.ts). Once those of a measured layout are in the document the view is ready — every link
  // in view drawn — and the remaining paragraphs may follow. The attributes are written here, not
  // rendered, so neither a scroll nor a batch of paragraphs re-renders the workspace. Declared before
  // useColumnLayout: its first measurement, in the same commit, is drawn at once.
  useLayoutEffect(() => {
    const svg = gutterRef.current
    const root = rootRef.current
    if (!svg || !root) return
    const painter = createConnectorPainter(svg, model, store)
    const paint = () => {
      const layout = layoutStore.layout()
      if (!layout) return
      painter.draw(layout, layoutStore.scroll())
      root.setAttribute('data-compare-ready', 'true')
      if (layout.left.complete && layout.right.complete) root.setAttribute('data-compare-complete', 'true')
      else root.removeAttribute('data-compare-complete')
      budget.start()
    }
    paint()
    const unsubscribe = layoutStore.subscribe(paint)
    return () => {
      unsubscribe()
      painter.dispose()
    }
  }, [model, store, layoutStore, budget])
  useColumnLayout(leftScroller, rightScroller, gutterRef, model, state.filter, layoutStore, budget)

  useEffect(() => {
    store.setSelected(state.link)
  }, [store, state.link])

  // Highlights are written straight to the few passage elements they change (see PassageView).
  useLayoutEffect(() => {
    let before = store.snapshot()
    return store.subscribe(() => {
      const after = store.snapshot()
      const written: HTMLElement[] = []
      for (const passage of store.touchedPassages(before, after)) {
        const el = document.getElementById(passageDomId(passage.side, passage.key))
        if (!el) continue
        applyPassageFlags(el, store.flagsOf(passage))
        written.push(el)
      }
      markBlocksHoldingSelected(written)
      before = after
    })
  }, [store])

  const setParams = useCallback(
    (changes: Record<string, string | null>) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key)
            else next.set(key, value)
          }
          return next
        },
        { replace: true, preventScrollReset: true },
      ),
    [setSearchParams],
  )

  // ---- Hover and focus ----------------------------------------------------------------------------

  const hovered = useRef<FocusedPassage | null>(null)
  const focused = useRef<FocusedPassage | null>(null)
  /** The side the reader last focused or chose a passage in: "Show counterpart" shows the other one. */
  const [workingSide, setWorkingSide] = useState<Side>('left')
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const applyHighlight = () => store.setFocused(hovered.current ?? focused.current)
  useEffect(() => () => clearTimeout(hoverTimer.current), [])

  // Where the pointer last was, and where it rested when hover was suspended: content scrolled under a
  // resting pointer sends pointer events too, which must not light up what the reader never pointed at.
  const pointerAt = useRef<{ x: number; y: number } | null>(null)
  const hoverSuspendedAt = useRef<{ x: number; y: number } | 'anywhere' | null>(null)
  const suspendHover = () => {
    hoverSuspendedAt.current = pointerAt.current ?? 'anywhere'
    clearTimeout(hoverTimer.current)
    if (hovered.current) {
      hovered.current = null
      applyHighlight()
    }
  }
  useEffect(() => {
    const onMove = (event: PointerEvent) => {
      const at = { x: event.clientX, y: event.clientY }
      pointerAt.current = at
      const suspended = hoverSuspendedAt.current
      if (
        suspended !== null &&
        (suspended === 'anywhere' || Math.abs(suspended.x - at.x) + Math.abs(suspended.y - at.y) > 2)
      )
        hoverSuspendedAt.current = null
    }
    document.addEventListener('pointermove', onMove, { passive: true })
    return () => document.removeEventListener('pointermove', onMove)
  }, [])

  const showPane = (side: Side) => setParams({ pane: side === 'right' ? 'right' : null })

  // ---- Positions and scrolling -------------------------------------------------------------------

  const element = (side: Side, key: string | undefined) =>
    key === undefined ? null : document.getElementById(passageDomId(side, key))

  /** The element's top relative to its column's visible box, and whether it is fully in view. */
  const placeIn = (side: Side, el: HTMLElement) => {
    const scroller = scrollerOf(side)
    if (!scroller) return null
    const box = scroller.getBoundingClientRect()
    const r = el.getBoundingClientRect()
    if (r.height === 0 && r.width === 0) return null // hidden by the filter
    const offset = r.top - box.top
    const inView =
      r.top >= box.top - 1 && (r.bottom <= box.bottom + 1 || (r.height > box.height && r.top < box.bottom))
    return {
      scroller,
      offset,
      inView,
      contentTop: offset + scroller.scrollTop,
      height: r.height,
      viewHeight: box.height,
    }
  }

  /** Scrolls a column so the element's top sits `offset` px below the column's top (centred when null). */
  const scrollColumn = (
    side: Side,
    el: HTMLElement,
    offset: number | null,
    behavior: ScrollBehavior = scrollBehavior(),
  ): number | null => {
    const place = placeIn(side, el)
    if (!place) return null
    // Lined up with the other side where that keeps the whole passage in view, else a third down.
    const fits = offset !== null && offset >= 0 && offset + place.height <= place.viewHeight
    const wanted = fits ? offset : Math.max(16, (place.viewHeight - place.height) / 3)
    const max = place.scroller.scrollHeight - place.scroller.clientHeight
    const top = Math.min(max, Math.max(0, place.contentTop - wanted))
    place.scroller.scrollTo({ top, behavior })
    return place.contentTop - top
  }

  /** Runs `then` once the columns and the page have stopped scrolling (or at the latest after a second). */
  const afterScrolling = (then: () => void) => {
    let last = ''
    let stable = 0
    const started = performance.now()
    const where = () =>
      `${window.scrollY}:${leftScroller.current?.scrollTop ?? 0}:${rightScroller.current?.scrollTop ?? 0}`
    const tick = () => {
      const now = where()
      stable = now === last ? stable + 1 : 0
      last = now
      if (stable >= 3 || performance.now() - started > 1000) then()
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }

  /**
   * Brings a link's two passages into view, lined up with each other. The side the reader is working in
   * (`keep`) is not moved if its passage is visible; the other side moves only if its passage is not.
   */
  const reveal = (linkId: string, { focus, keep }: Reveal) => {
    const keys = model.passagesOfLink.get(linkId)
    if (!keys) return
    const els = { left: element('left', keys.left[0]), right: element('right', keys.right[0]) }
    // The passage that happens to be under a resting pointer once the columns move is not what the reader
    // chose: hover waits for the pointer to move.
    suspendHover()
    if (isNarrow) {
      const el = els[focus ?? state.pane]
      el?.scrollIntoView({ block: 'center', behavior: scrollBehavior() })
      el?.focus({ preventScroll: true })
      return
    }
    const root = rootRef.current
    if (root) {
      const box = root.getBoundingClientRect()
      // The whole tool (toolbar, both columns, the selected pair's details) fits the screen when on top.
      if (Math.abs(box.top) > 8) root.scrollIntoView({ block: 'start', behavior: scrollBehavior() })
    }
    const anchor: Side = keep ?? 'left'
    const anchorEl = els[anchor]
    const otherEl = els[other(anchor)]
    // Paragraphs not yet seen are laid out at a guessed height (content-visibility, see compare.css); those
    // scrolled past on the way would then take their real height and push the passage out of view.
    // Measured with every paragraph laid out, positions hold (each keeps its size once seen).
    root?.setAttribute('data-laying-out', '')
    let anchorOffset: number | null = null
    if (anchorEl) {
      const place = placeIn(anchor, anchorEl)
      anchorOffset = place?.inView ? place.offset : scrollColumn(anchor, anchorEl, null)
    }
    if (otherEl) {
      const place = placeIn(other(anchor), otherEl)
      if (place && !place.inView) scrollColumn(other(anchor), otherEl, anchorOffset)
    }
    root?.removeAttribute('data-laying-out')
    const focusEl = focus ? els[focus] : null
    focusEl?.focus({ preventScroll: true })
    // Whatever still moved the page meanwhile (the page itself scrolling to the tool, fonts, images), the
    // passages end in view: checked once the scrolling is over.
    afterScrolling(() => {
      for (const side of [anchor, other(anchor)]) {
        const el = els[side]
        if (el && placeIn(side, el)?.inView === false) scrollColumn(side, el, null, 'auto')
      }
    })
  }

  /** On hover or focus: the counterparts come into view on the other side, unless they already are. */
  const bringCounterpart = (source: FocusedPassage) => {
    if (isNarrow) return
    const passage = model[source.side].byKey.get(source.key)
    if (!passage || passage.linkIds.length === 0) return
    const linkId = state.link && passage.linkIds.includes(state.link) ? state.link : passage.linkIds[0]
    const keys = linkId ? model.passagesOfLink.get(linkId) : undefined
    const target = other(source.side)
    const targets = (keys?.[target] ?? []).map((k) => element(target, k)).filter((el) => el !== null)
    if (targets.length === 0 || targets.some((el) => placeIn(target, el)?.inView)) return
    const sourceEl = element(source.side, source.key)
    const sourcePlace = sourceEl ? placeIn(source.side, sourceEl) : null
    const first = targets[0]
    if (first) scrollColumn(target, first, sourcePlace ? Math.max(0, sourcePlace.offset) : null)
  }

  // ---- Selecting links ----------------------------------------------------------------------------

  const pendingReveal = useRef<Reveal | null>(null)
  const selectLink = (linkId: string | null, intent: Reveal) => {
    if (linkId === null) {
      setParams({ link: null })
      return
    }
    if (linkId === state.link) {
      reveal(linkId, intent)
      return
    }
    pendingReveal.current = intent
    setParams({ link: linkId })
  }

  // A selection that arrives by URL (a shared link, back/forward) shows both sides and takes focus.
  const onLinkChanged = useEffectEvent((linkId: string) => {
    const intent = pendingReveal.current ?? { focus: isNarrow ? state.pane : 'left', keep: null }
    pendingReveal.current = null
    reveal(linkId, intent)
  })
  useEffect(() => {
    if (state.link) onLinkChanged(state.link)
  }, [state.link])

  const onPointerOver = (event: ReactPointerEvent) => {
    if (hoverSuspendedAt.current !== null) return
    const passage = passageFromEvent(event)
    if (passage?.key === hovered.current?.key && passage?.side === hovered.current?.side) return
    hovered.current = passage
    applyHighlight()
    clearTimeout(hoverTimer.current)
    if (passage && event.pointerType === 'mouse') {
      hoverTimer.current = setTimeout(() => bringCounterpart(passage), HOVER_SCROLL_DELAY_MS)
    }
  }
  const onPointerLeave = () => {
    hovered.current = null
    clearTimeout(hoverTimer.current)
    applyHighlight()
  }
  const onFocus = (event: FocusEvent) => {
    const passage = passageFromEvent(event)
    if (passage) setWorkingSide(passage.side)
    focused.current = passage
    applyHighlight()
    if (passage) bringCounterpart(passage)
  }
  const onBlur = () => {
    focused.current = null
    applyHighlight()
  }
  const choose = (passage: FocusedPassage) => {
    const p = model[passage.side].byKey.get(passage.key)
    if (!p) return
    setWorkingSide(passage.side)
    const linkId = linkForPassage(p, state.link)
    if (linkId) selectLink(linkId, { focus: null, keep: passage.side })
  }
  const onClick = (event: ReactMouseEvent) => {
    const passage = passageFromEvent(event)
    if (passage) choose(passage)
  }
  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    const passage = passageFromEvent(event)
    if (!passage || !(event.target as HTMLElement).matches('[role="button"]')) return
    event.preventDefault()
    choose(passage)
  }

  // ---- Moving from link to link (or difference to difference) -------------------------------------

  // Both articles' differences on a phone too, where stepping to one in the other article switches panes:
  // the stepper counts what the filter counts.
  const diffList = state.filter === 'differ' ? differences(model, ['left', 'right']) : []
  const [currentDifference, setCurrentDifference] = useState<Passage | null>(null)
  const mode = state.filter === 'differ' ? 'difference' : 'link'
  const linkIndex = state.link ? model.links.findIndex((l) => l.id === state.link) : -1
  const diffIndex = currentDifference ? diffList.indexOf(currentDifference) : -1

  const step = (direction: 1 | -1) => {
    if (mode === 'link') {
      const next = stepLink(model, state.link, direction)
      if (next) selectLink(next, { focus: isNarrow ? state.pane : 'left', keep: null })
      return
    }
    const next = stepPassage(diffList, diffIndex === -1 ? null : currentDifference, direction)
    if (!next) return
    // Shown by the effect below, once its paragraph is surely rendered (see `minimum`) and its pane shown.
    pendingDifference.current = next
    setCurrentDifference(next)
    if (isNarrow && next.side !== state.pane) showPane(next.side)
  }

  const pendingDifference = useRef<Passage | null>(null)
  useEffect(() => {
    const next = pendingDifference.current
    if (!next) return
    const el = element(next.side, next.key)
    // Its pane is still hidden (the address that shows it has not arrived yet): the next render shows it.
    if (el && el.getClientRects().length === 0 && isNarrow && state.pane !== next.side) return
    pendingDifference.current = null
    if (!el) return
    if (isNarrow) el.scrollIntoView({ block: 'center', behavior: scrollBehavior() })
    else if (!placeIn(next.side, el)?.inView) scrollColumn(next.side, el, null)
    el.focus({ preventScroll: true })
  })

  const onDocumentKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
    if (isTypingTarget(event.target)) return
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault()
      step(event.key === 'j' ? 1 : -1)
    }
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onDocumentKey(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])

  // ---- Narrow screens: one pane at a time ---------------------------------------------------------

  const pendingFocus = useRef<FocusedPassage | null>(null)
  useEffect(() => {
    const target = pendingFocus.current
    if (!target) return
    pendingFocus.current = null
    const el = element(target.side, target.key)
    el?.scrollIntoView({ block: 'center', behavior: scrollBehavior() })
    el?.focus({ preventScroll: true })
  })

  const showCounterpart = () => {
    if (!state.link) return
    const keys = model.passagesOfLink.get(state.link)
    if (!keys) return
    // The button has the focus by now: the side is the one the reader was last working in.
    const from: Side = isNarrow ? state.pane : workingSide
    const to = other(from)
    const key = keys[to][0]
    if (key === undefined) return
    if (isNarrow && state.pane !== to) {
      pendingFocus.current = { side: to, key }
      showPane(to)
      return
    }
    reveal(state.link, { focus: to, keep: from })
  }

  const onTabKey = (event: ReactKeyboardEvent) => {
    if (
      event.key !== 'ArrowLeft' &&
      event.key !== 'ArrowRight' &&
      event.key !== 'Home' &&
      event.key !== 'End'
    )
      return
    event.preventDefault()
    const side: Side = event.key === 'ArrowLeft' || event.key === 'Home' ? 'left' : 'right'
    showPane(side)
    document.getElementById(`cmp-tab-${side}`)?.focus()
  }

  // ---- Render -------------------------------------------------------------------------------------

  const counts = compareCounts(model)
  const [menuOpen, setMenuOpen] = useState(false)
  const selectedLink = state.link ? model.linkById.get(state.link) : undefined
  const jump = useCallback(
    (side: Side, contentY: number) => {
      const scroller = side === 'left' ? leftScroller.current : rightScroller.current
      if (!scroller) return
      const go = () =>
        scroller.scrollTo({
          top: Math.max(0, contentY - scroller.clientHeight / 2),
          behavior: scrollBehavior(),
        })
      // A place below what is rendered yet: render the rest first, then scroll once it is in the document.
      if (!budget.complete() && contentY > scroller.scrollHeight - scroller.clientHeight / 2) {
        budget.showAll()
        requestAnimationFrame(go)
      } else go()
    },
    [budget],
  )
  const jumpLeft = useCallback((y: number) => jump('left', y), [jump])
  const jumpRight = useCallback((y: number) => jump('right', y), [jump])
  // The blocks holding the selected pair and the difference in focus are rendered whatever the budget.
  const selectedKeys = state.link ? model.passagesOfLink.get(state.link) : undefined
  const minimum = (side: Side) =>
    Math.max(
      blocksThrough(model[side], selectedKeys?.[side] ?? []),
      currentDifference?.side === side ? blocksThrough(model[side], [currentDifference.key]) : 0,
    )

  const column = (side: Side, article: Article) => {
    const sideModel = model[side]
    const panel = isNarrow
      ? { role: 'tabpanel', 'aria-labelledby': `cmp-tab-${side}` }
      : { 'aria-labelledby': `cmp-outlet-${side}` }
    const strip = (
      <OverviewStrip
        side={sideModel}
        layoutStore={layoutStore}
        onJump={side === 'left' ? jumpLeft : jumpRight}
      />
    )
    return (
      <section className="cmp-column" data-column={side} id={`cmp-pane-${side}`} {...panel}>
        <header className="cmp-column-head">
          <h2 id={`cmp-outlet-${side}`} className="cmp-outlet">
            {labels[side]}
          </h2>
          <Link to={paths.article.build(article.id)} className="cmp-read-link">
            Read in full<span className="cmp-sr-only"> ({labels[side]})</span>
          </Link>
        </header>
        <div className="cmp-column-body">
          {side === 'left' ? strip : null}
          <div
            ref={side === 'left' ? leftScroller : rightScroller}
            className="cmp-scroller"
            data-column={side}
            // Focusable so keyboard users can scroll a column whose passages are all hidden by a filter.
            tabIndex={-1}
          >
            <div className="cmp-article">
              <ArticleText side={sideModel} store={store} budget={budget} minimum={minimum(side)} />
            </div>
          </div>
          {side === 'right' ? strip : null}
        </div>
      </section>
    )
  }

  return (
    <section
      ref={rootRef}
      className="cmp-workspace"
      aria-labelledby="cmp-workspace-title"
      data-filter={state.filter}
      data-pane={state.pane}
      data-selected-link={state.link ?? undefined}
    >
      <h2 id="cmp-workspace-title" className="cmp-sr-only">
        Side by side
      </h2>
      {/* On a phone the toolbar is one row: the filters and the key fold into a menu beside the stepper. */}
      <div className="cmp-toolbar" data-menu-open={menuOpen ? '' : undefined}>
        <button
          type="button"
          className="button cmp-button cmp-menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="cmp-toolbar-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Show: {filterShortLabel(state.filter)}
          <span className="cmp-sr-only">, filters and key</span>
          <span className="cmp-menu-caret" aria-hidden="true">
            ▾
          </span>
        </button>
        {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
        <div
          id="cmp-toolbar-menu"
          className="cmp-toolbar-menu"
          // Choosing a filter closes the menu; so does Escape, back on its button.
          onClick={(event) => {
            if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false)
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || !menuOpen) return
            setMenuOpen(false)
            event.currentTarget.parentElement?.querySelector<HTMLElement>('.cmp-menu-toggle')?.focus()
          }}
        >
          <CompareFilters
            leftId={left.id}
            rightId={right.id}
            filter={state.filter}
            pane={state.pane}
            counts={counts}
          />
          <KindLegend />
        </div>
        <LinkStepper
          mode={mode}
          position={
            mode === 'link'
              ? linkIndex === -1
                ? null
                : linkIndex + 1
              : diffIndex === -1
                ? null
                : diffIndex + 1
          }
          total={mode === 'link' ? model.links.length : diffList.length}
          canPrevious={
            mode === 'link'
              ? model.links.length > 0 && linkIndex !== 0
              : diffList.length > 0 && diffIndex !== 0
          }
          canNext={
            mode === 'link'
              ? model.links.length > 0 && linkIndex !== model.links.length - 1
              : diffList.length > 0 && diffIndex !== diffList.length - 1
          }
          onStep={step}
        />
      </div>
      {state.linkMissing ? (
        <p className="cmp-notice" role="status">
          The link in this address is not in this comparison. Showing the whole comparison instead.
        </p>
      ) : null}
      {model.links.length === 0 ? (
        <p className="cmp-notice">No passages of these two articles were found to report the same thing.</p>
      ) : null}
      {/* Shown by the CSS on narrow screens only, so the server-rendered page lays out the same. */}
      <div className="cmp-tabs" role="tablist" aria-label="Article shown">
        {(['left', 'right'] as const).map((side) => (
          <button
            key={side}
            type="button"
            role="tab"
            id={`cmp-tab-${side}`}
            className="cmp-tab"
            aria-selected={state.pane === side}
            aria-controls={`cmp-pane-${side}`}
            tabIndex={state.pane === side ? 0 : -1}
            onClick={() => showPane(side)}
            onKeyDown={onTabKey}
          >
            {labels[side]}
          </button>
        ))}
      </div>
      {/* Delegated pointer and focus handlers: one set for hundreds of passages. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className="cmp-columns"
        onPointerOver={onPointerOver}
        onPointerLeave={onPointerLeave}
        onFocus={onFocus}
        onBlur={onBlur}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {column('left', left)}
        <svg ref={gutterRef} className="cmp-gutter" aria-hidden="true" focusable="false" />
        {column('right', right)}
      </div>
      {selectedLink ? (
        <LinkInspector
          link={selectedLink}
          position={linkIndex + 1}
          total={model.links.length}
          leftId={left.id}
          rightId={right.id}
          filter={state.filter}
          counterpartLabel={labels[other(isNarrow ? state.pane : workingSide)]}
          speakers={{
            left: speakersIn(left, selectedLink.left),
            right: speakersIn(right, selectedLink.right),
          }}
          labels={labels}
          onShowCounterpart={showCounterpart}
          onClear={() => selectLink(null, { focus: null, keep: null })}
        />
      ) : (
        <p className="cmp-hint">
          Point at, focus or tap a marked passage to see its counterpart; choose it to see why the two are
          linked.
        </p>
      )}
    </section>
  )
}
