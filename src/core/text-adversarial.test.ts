/**
 * Catastrophic-input guard (issue 6): clean + segment on 1 MB of text built to hurt regular expressions
 * and quadratic loops — long runs of quotes, spaces, capitals, template braces, dots, initials, one-letter
 * lines, unclosed tags. Measured at 0.05–1.2 s of CPU each on an idle machine; catastrophic backtracking
 * or a quadratic loop takes minutes on 1 MB. The bound is CPU time, not wall time, so a busy CI machine
 * does not make it flaky; it is deliberately generous — speed itself is measured in `npm run bench`.
 */
import { describe, expect, it } from 'vitest'
import { cleanArticle } from './clean'
import { segmentBlocks } from './segment'

const MB = 1 << 20
const CPU_BOUND_MS = 6_000
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)

const INPUTS: [string, string][] = [
  ['straight double quotes', fill('"')],
  ['curly and single quotes', fill("“”‘’'")],
  ['spaces', fill(' ')],
  ['capital letters', fill('A')],
  ['capitalised words', fill('ABC ')],
  ['initials', fill('A. ')],
  ['template braces', fill('{{')],
  ['dots', fill('.')],
  ['"U.S." over and over', fill('U.S. ')],
  ['glued CamelCase labels', fill('IconFacebook')],
  ['one-letter lines', fill('a\n')],
  ['short paragraphs', fill('Word\n\n')],
  ['title-case lines', fill('North Korea Crisis\n')],
  ['markup', fill('<p>')],
  ['unclosed tags', fill('<a ')],
  ['entities', fill('&amp;')],
  ['byline lines', fill('By Jane Doe\n')],
  ['dates', fill('2018-04-22')],
  ['photo credits without a closing bracket', fill('(Photo by ')],
  ['wire datelines', fill('WASHINGTON (AP) — ')],
  ['quoted sentences', fill('He said "yes." ')],
  ['a mixture', fill('Mr. "U.S." {{x}} A. ... IconMail — \n')],
]

describe('clean and segment on 1 MB adversarial inputs', () => {
  it.each(INPUTS)('finish in bounded time on %s', (_name, raw) => {
    const start = process.cpuUsage()
    const clean = cleanArticle(raw)
    const blocks = clean.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }))
    if (clean.headline) blocks.unshift({ id: 'headline', text: clean.headline })
    const sentences = segmentBlocks(blocks)
    const used = process.cpuUsage(start)
    const ms = (used.user + used.system) / 1000
    expect(ms).toBeLessThan(CPU_BOUND_MS)
    // And the result still holds together: every sentence inside its block.
    const lengths = new Map(blocks.map((b) => [b.id, b.text.length]))
    for (const s of sentences) expect(s.end).toBeLessThanOrEqual(lengths.get(s.paragraphId) ?? -1)
  })
})
