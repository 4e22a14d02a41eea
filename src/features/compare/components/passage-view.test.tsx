// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createHighlightStore } from '../model/highlight-store'
import { KIND_BADGE, KIND_LABEL, LINK_KINDS } from '../model/labels'
import { buildCompareModel } from '../model/passages'
import { PassageView } from './passage-view'
import { bridgeComparison, courier, gazette } from '../test-fixtures'

afterEach(cleanup)

const model = buildCompareModel(gazette, courier, bridgeComparison())
const store = createHighlightStore(model, null)

function renderPassage(kind: 'linked' | 'only') {
  const passage = model.left.passages.find((p) => (kind === 'only' ? p.kind === 'only' : p.kind !== 'only'))!
  render(<PassageView passage={passage} store={store} />)
  return { passage, el: document.getElementById(`cmp-left-${passage.key}`)! }
}

describe('PassageView', () => {
  it('a linked passage is a button named by its kind, then its words; the kind is not selectable text', () => {
    const { passage, el } = renderPassage('linked')
    const label = KIND_LABEL[passage.kind as keyof typeof KIND_LABEL]
    const named = (name: string) => name.startsWith(`${label}:`) && name.endsWith(passage.text)
    expect(screen.getByRole('button', { name: named })).toBe(el)
    // The letter is drawn by the stylesheet, not written into the text.
    expect(el.textContent).toBe(`${label}: ${passage.text}`)
    expect(el.querySelector('.cmp-kind-name')?.textContent).toBe(`${label}: `)
  })

  it('a passage found only on its side is not a button and starts with the words for it', () => {
    const { passage, el } = renderPassage('only')
    expect(screen.queryByRole('button')).toBeNull()
    expect(el.textContent).toBe(`Only in this article: ${passage.text}`)
  })

  it('leaves the kind’s name out of what a reader copies', () => {
    const css = readFileSync(path.join(import.meta.dirname, '../compare.css'), 'utf8')
    expect(css).toMatch(/\.cmp-kind-name \{\s*user-select: none;/)
  })

  it('the stylesheet draws the same letter for each kind as the legend shows', () => {
    const css = readFileSync(path.join(import.meta.dirname, '../compare.css'), 'utf8')
    for (const kind of LINK_KINDS) {
      const rule = css.match(new RegExp(`\\.cmp-passage\\[data-kind='${kind}'\\]::before \\{([^}]*)\\}`))?.[1]
      expect(rule, kind).toContain(`content: '${KIND_BADGE[kind]}' / '';`)
    }
  })
})
