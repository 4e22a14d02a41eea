import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { linkedomDocument } from '../../ingest/page/linkedom-document'
import { analyse } from './analyse'
import { emptyMetaFields, readMeta } from './article-meta'
import { jobFor } from './read-input'

const payloads = readFileSync(new URL('../../../test/fixtures/xss/payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('# '))

describe('the XSS suite through the add page', () => {
  it('never accepts a payload as the original URL unless it is an http(s) address', () => {
    for (const payload of payloads) {
      const read = readMeta({ ...emptyMetaFields, url: payload })
      if (read.ok && read.meta.sourceUrl !== null) expect(read.meta.sourceUrl).toMatch(/^https?:\/\//)
    }
  })

  it('keeps every pasted payload as text, or refuses it with a reason, never throws anything else', () => {
    for (const payload of payloads) {
      const text = `${payload} in the headline\n\nBy ${payload}\n\n"${payload} was said," said Ana Lind, the mayor.\n\nThe harbour reopened on Monday after ${payload} and repairs.`
      const meta = readMeta({ ...emptyMetaFields, outlet: payload })
      if (!meta.ok) {
        // Only an outlet name past the length limit is refused, and it says so.
        expect(meta.message).toMatch(/longer than/)
        continue
      }
      let article
      try {
        article = analyse(jobFor(text, null, meta.meta, linkedomDocument)).article
      } catch (error) {
        expect((error as Error).name).toMatch(/IngestError|InputError/)
        continue
      }
      expect(article.outlet).toBe(payload.replace(/\s+/g, ' ').trim() || null)
      expect(article.sourceUrl).toBeNull()
    }
  })
})
