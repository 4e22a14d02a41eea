// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createHighlightStore } from './highlight-store'
import { KIND_BADGE, LINK_KINDS } from './labels'
import { buildCompareModel } from './passages'
import { KindDescriptions, PassageView } from './passage-view'
import { bridgeComparison, courier, gazette } from './test-fixtures'

afterEach(cleanup)

const model = buildCompareModel(gazette, courier, bridgeComparison())
const store = createHighlightStore(model, null)

function renderPassage(kind: 'linked' | 'only') {
  const passage = model.left.passages.find((p) => (kind === 'only' ? p.kind === 'only' : p.kind !== 'only'))!
  render(
    <>
      <KindDescriptions />
      <PassageView passage={passage} store={store} />
    </>,
  )
  return { passage, el: document.getElementById(`cmp-left-${passage.key}`)! }
}

describe('PassageView', () => {
  it('a linked passage is a button named by its words and described by its kind, with nothing added to its text', () => {
    const { passage, el } = renderPassage('linked')
    const button = screen.getByRole('button', { name: passage.text })
    expect(button).toBe(el)
    expect(el.textContent).toBe(passage.text)
    const description = document.getElementById(el.getAttribute('aria-describedby')!)
    expect(description?.textContent).toBe(
      { 'same-quote': 'Same quote', paraphrase: 'Paraphrase', 'same-fact': 'Same fact' }[
        passage.kind as string
      ],
    )
  })

  it('a passage found only on its side is not a button and starts with the words for it', () => {
    const { passage, el } = renderPassage('only')
    expect(screen.queryByRole('button')).toBeNull()
    expect(el.textContent).toBe(`Only in this article: ${passage.text}`)
  })

  it('the stylesheet draws the same letter for each kind as the legend shows', () => {
    const css = readFileSync(path.join(import.meta.dirname, 'compare.css'), 'utf8')
    for (const kind of LINK_KINDS) {
      const rule = css.match(new RegExp(`\\.cmp-passage\\[data-kind='${kind}'\\]::before \\{([^}]*)\\}`))?.[1]
      expect(rule, kind).toContain(`content: '${KIND_BADGE[kind]}' / '';`)
    }
  })
})
