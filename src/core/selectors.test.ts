import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CONTEXT_LENGTH,
  createApproximateMatcher,
  createSelector,
  decodeSelector,
  encodeSelector,
  MAX_ENCODED_LENGTH,
  MAX_EXACT_LENGTH,
  resolveSelector,
  type TextSelector,
} from './selectors'

// A made-up article (not one of the seeds) with repeated phrases, so context has to decide.
const article = [
  { id: 'headline', text: 'Harbour council votes to close the old ferry pier' },
  {
    id: 'p1',
    text: 'The council voted 7-2 on Tuesday to close the old ferry pier, ending a century of crossings to the island.',
  },
  {
    id: 'p2',
    text: '"We cannot keep patching a structure that is falling into the sea," the mayor said. "It is time."',
  },
  {
    id: 'p3',
    text: 'Residents said the vote came too fast. "It is time to listen, not to close," said Ana Ruiz, who runs the café by the pier.',
  },
  { id: 'p4', text: 'The ferry company said it would move its boats to the new terminal by March.' },
]

function selectorFor(id: string, exact: string, occurrence = 0): TextSelector {
  const text = article.find((p) => p.id === id)!.text
  let at = -1
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1)
  if (at < 0) throw new Error(`fixture: "${exact}" not in ${id}`)
  return createSelector(text, at, at + exact.length, id)!
}

function edit(id: string, change: (text: string) => string) {
  return article.map((p) => (p.id === id ? { ...p, text: change(p.text) } : p))
}

/** The smallest edit distance of `pattern` to any substring of `text` ending at each position (plain DP). */
function naiveEndDistances(text: string, pattern: string): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i)
  const out: number[] = []
  for (let j = 1; j <= text.length; j++) {
    const curr = [0]
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1
      curr[i] = Math.min(prev[i]! + 1, curr[i - 1]! + 1, prev[i - 1]! + cost)
    }
    out.push(curr[pattern.length]!)
    prev = curr
  }
  return out
}

describe('createSelector', () => {
  it('keeps the selected text with up to 32 characters of context on each side', () => {
    const sel = selectorFor('p3', 'It is time to listen')
    expect(sel.exact).toBe('It is time to listen')
    expect(sel.prefix).toBe('Residents said the vote came too fast. "'.slice(-CONTEXT_LENGTH))
    expect(sel.suffix).toBe(', not to close," said Ana Ruiz, ')
    expect(sel.prefix.length).toBe(CONTEXT_LENGTH)
    expect(sel.end - sel.start).toBe(sel.exact.length)
  })

  it('drops the whitespace a mouse selection drags along and accepts a backwards selection', () => {
    const text = 'One.  Two words here.  Three.'
    const sel = createSelector(text, 22, 4, 'p1')
    expect(sel?.exact).toBe('Two words here.')
    expect(sel?.start).toBe(6)
  })

  it('gives no selector for a collapsed or blank selection', () => {
    expect(createSelector('Some text', 3, 3, 'p1')).toBeNull()
    expect(createSelector('Some   text', 4, 7, 'p1')).toBeNull()
  })

  it('never cuts an emoji or other astral character in half', () => {
    const text = 'Fans 🎉 cheered 🎉 loudly'
    // Offsets 5/6 point inside the first 🎉 (a surrogate pair).
    const sel = createSelector(text, 6, 16, 'p1')!
    expect(sel.exact.startsWith('🎉')).toBe(true)
    expect(sel.start).toBe(5)
  })

  it('cuts very long selections so a link stays short enough for servers to accept', () => {
    const text = 'word '.repeat(1000)
    const sel = createSelector(text, 0, text.length, 'p1')!
    expect(sel.exact.length).toBeLessThanOrEqual(MAX_EXACT_LENGTH)
    expect(encodeSelector(sel).length).toBeLessThan(MAX_ENCODED_LENGTH)
  })
})

describe('encodeSelector / decodeSelector', () => {
  it('round-trips a selector through a URL query string untouched', () => {
    const sel = selectorFor('p3', 'café by the pier')
    const encoded = encodeSelector(sel)
    expect(encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/)
    const url = new URL(`https://example.org/article/x?sel=${encoded}`)
    expect(url.search).toBe(`?sel=${encoded}`)
    expect(new URLSearchParams(url.search).toString()).toBe(`sel=${encoded}`)
    expect(decodeSelector(url.searchParams.get('sel'))).toEqual({ ok: true, selector: sel })
  })

  it('rejects empty, oversized, unknown-version and garbled values with a reason', () => {
    const good = encodeSelector(selectorFor('p1', 'ferry pier'))
    expect(decodeSelector(null)).toEqual({ ok: false, error: 'empty' })
    expect(decodeSelector('')).toEqual({ ok: false, error: 'empty' })
    expect(decodeSelector('1.' + 'A'.repeat(MAX_ENCODED_LENGTH))).toEqual({ ok: false, error: 'too-long' })
    expect(decodeSelector('2' + good.slice(1))).toEqual({ ok: false, error: 'unsupported-version' })
    for (const bad of [
      '1.',
      '1',
      '.',
      good.replace('1.', '1..'),
      `${good}=`,
      `${good}%`,
      good.slice(0, -1) + '*',
      '<script>alert(1)</script>',
      'javascript:alert(1)',
      '1.PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg', // base64url of "<script>alert(1)</script>"
      '1.WyJwMSIsLTEsIiIsImEiLCIiXQ', // ["p1",-1,"","a",""]: negative offset
      '1.WyJ4eHgiLDAsIiIsImEiLCIiXQ', // ["xxx",0,"","a",""]: not a block id
      '1.WyJwMSIsMCwiIiwiIiwiIl0', // ["p1",0,"","",""]: nothing selected
      '1.WyJwMSIsMS41LCIiLCJhIiwiIl0', // ["p1",1.5,"","a",""]: fractional offset
      '1.eyJwYXJhZ3JhcGhJZCI6InAxIn0', // {"paragraphId":"p1"}: an object, not the tuple
    ]) {
      expect(decodeSelector(bad), bad).toMatchObject({ ok: false })
    }
  })

  it('rejects every truncated copy of a link instead of opening the wrong passage', () => {
    const encoded = encodeSelector(selectorFor('p2', 'falling into the sea'))
    for (let cut = 0; cut < encoded.length; cut++) {
      expect(decodeSelector(encoded.slice(0, cut)).ok, `cut at ${cut}`).toBe(false)
    }
  })

  it('round-trips any selector, whatever characters the article uses', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('headline', 'deck', 'p1', 'p12', 'p345'),
        (text, a, b, id) => {
          const sel = createSelector(text, a % (text.length + 1), b % (text.length + 1), id)
          if (!sel) return
          const encoded = encodeSelector(sel)
          expect(encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/)
          expect(decodeSelector(encoded)).toEqual({ ok: true, selector: sel })
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never throws, whatever string it is given', () => {
    const alphabet = fc.constantFrom(...'1.ABCabc019-_=+/%<>"\'\\[]{},:'.split(''))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: alphabet, maxLength: 200 }),
          fc.string({ unit: alphabet }).map((s) => `1.${s}`),
          fc.jsonValue().map((v) => {
            const bytes = new TextEncoder().encode(JSON.stringify(v) ?? '')
            let bin = ''
            bytes.forEach((byte) => (bin += String.fromCharCode(byte)))
            return `1.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`
          }),
        ),
        (input) => {
          const result = decodeSelector(input)
          expect(typeof result.ok).toBe('boolean')
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('resolveSelector', () => {
  it('opens the exact passage when the article is unchanged', () => {
    const sel = selectorFor('p3', 'It is time')
    expect(resolveSelector(sel, article)).toEqual({
      paragraphId: 'p3',
      start: sel.start,
      end: sel.end,
      exactMatch: true,
    })
  })

  it('finds the passage after a paragraph is inserted above it and the ids shift', () => {
    const sel = selectorFor('p4', 'move its boats to the new terminal')
    const shifted = [
      ...article.slice(0, 2),
      { id: 'p2', text: 'An editor’s note was added here.' },
      ...article.slice(2).map((p) => ({ ...p, id: `p${Number(p.id.slice(1)) + 1}` })),
    ]
    const hit = resolveSelector(sel, shifted)
    expect(hit).toMatchObject({ paragraphId: 'p5', exactMatch: true })
    const p5 = shifted.find((p) => p.id === 'p5')!.text
    expect(p5.slice(hit!.start, hit!.end)).toBe(sel.exact)
  })

  it('uses the surrounding words to pick the right one of two identical phrases', () => {
    // "It is time" occurs in p2 and p3; select the one in p3, then move text so the positions lie.
    const sel = selectorFor('p3', 'It is time')
    const moved = edit('p3', (t) => `Update: ${t}`).map((p) =>
      p.id === 'p2' ? { ...p, text: `${p.text} It is time.` } : p,
    )
    const hit = resolveSelector(sel, moved)!
    expect(hit.paragraphId).toBe('p3')
    const p3 = moved.find((p) => p.id === 'p3')!.text
    expect(p3.slice(hit.start - 1, hit.end + 10)).toBe('"It is time to listen')
  })

  it('still opens a passage whose words were edited slightly, and says it is not exact', () => {
    const sel = selectorFor('p2', 'We cannot keep patching a structure that is falling into the sea')
    const edited = edit('p2', (t) =>
      t.replace('We cannot keep patching', 'We can’t keep patching').replace('falling into', 'falling in to'),
    )
    const hit = resolveSelector(sel, edited)!
    expect(hit).toMatchObject({ paragraphId: 'p2', exactMatch: false })
    const p2 = edited.find((p) => p.id === 'p2')!.text
    expect(p2.slice(hit.start, hit.end)).toBe(
      'We can’t keep patching a structure that is falling in to the sea',
    )
  })

  it('finds an edited passage that also moved to another paragraph', () => {
    const sel = selectorFor('p1', 'ending a century of crossings to the island')
    const edited = [
      ...article.filter((p) => p.id !== 'p1'),
      { id: 'p5', text: 'The vote ends a century of crossings to the island, the council said.' },
    ]
    const hit = resolveSelector(sel, edited)!
    expect(hit).toMatchObject({ paragraphId: 'p5', exactMatch: false })
    expect(edited.at(-1)!.text.slice(hit.start, hit.end)).toContain('a century of crossings to the island')
  })

  it('reports a passage that was removed or rewritten beyond recognition as gone', () => {
    const sel = selectorFor('p3', 'who runs the café by the pier')
    expect(
      resolveSelector(
        sel,
        edit('p3', () => 'Residents were not available for comment.'),
      ),
    ).toBeNull()
    expect(
      resolveSelector(
        sel,
        edit('p3', (t) => t.replace('who runs the café by the pier', 'a baker')),
      ),
    ).toBeNull()
    expect(resolveSelector(sel, [])).toBeNull()
  })

  it('always resolves a fresh selector to its own span on the unchanged text', () => {
    const paragraph = fc.string({
      unit: fc.constantFrom(...'ab c.é🎉"'.split('')),
      minLength: 1,
      maxLength: 120,
    })
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (texts, pi, a, b) => {
          const paragraphs = texts.map((text, i) => ({ id: `p${i + 1}`, text }))
          const p = paragraphs[pi % paragraphs.length]!
          const sel = createSelector(p.text, a % (p.text.length + 1), b % (p.text.length + 1), p.id)
          if (!sel) return
          const decoded = decodeSelector(encodeSelector(sel))
          if (!decoded.ok) throw new Error('a fresh selector must decode')
          expect(resolveSelector(decoded.selector, paragraphs)).toEqual({
            paragraphId: p.id,
            start: sel.start,
            end: sel.end,
            exactMatch: true,
          })
        },
      ),
      { numRuns: 500 },
    )
  })

  it('only ever returns spans inside an existing paragraph', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 5 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.nat({ max: 100 }),
        (texts, exact, prefix, suffix, start) => {
          const paragraphs = texts.map((text, i) => ({ id: `p${i + 1}`, text }))
          const sel = { paragraphId: 'p1', exact, prefix, suffix, start, end: start + exact.length }
          const hit = resolveSelector(sel, paragraphs)
          if (hit === null) return
          const p = paragraphs.find((x) => x.id === hit.paragraphId)
          expect(p).toBeDefined()
          expect(hit.start).toBeGreaterThanOrEqual(0)
          expect(hit.end).toBeGreaterThan(hit.start)
          expect(hit.end).toBeLessThanOrEqual(p!.text.length)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('createApproximateMatcher', () => {
  it('agrees with the textbook edit-distance table, for patterns shorter and longer than a machine word', () => {
    const unit = fc.constantFrom('a', 'b', 'c', ' ')
    fc.assert(
      fc.property(
        // size 'max': left alone, fast-check keeps strings short and the multi-word blocks go untested.
        fc.string({ unit, maxLength: 200, size: 'max' }),
        fc.string({ unit, minLength: 1, maxLength: 100, size: 'max' }),
        (text, pattern) => {
          expect(Array.from(createApproximateMatcher(pattern).distances(text))).toEqual(
            naiveEndDistances(text, pattern),
          )
        },
      ),
      { numRuns: 400 },
    )
  })

  it('reports the best end of every run of close matches', () => {
    const matcher = createApproximateMatcher('ferry pier')
    const text = 'the ferry pier, a fairy pier and a ferry peer'
    expect(matcher.matchEnds(text, 2)).toEqual([
      { end: text.indexOf(','), errors: 0 },
      { end: text.indexOf(' and'), errors: 2 },
      { end: text.length, errors: 1 },
    ])
  })
})
