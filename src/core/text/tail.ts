/** Stage 3: where the article ends (navigation headings, sign-offs, comment sections). */
import { isCommentStart, isTailHeading } from '../text-furniture'
import { readSignature } from '../text-structure'
import { isBodyLike, isSolidProse, type Unit } from './units'

/**
 * The end of the article: a navigation heading ("Latest News", "Related", "Sponsored Content") or a
 * reporter's sign-off after the body has begun. Everything after it is page furniture, unless solid
 * prose resumes (two long sentences in a row), which means the heading was a box inside the article.
 */
export function markTail(units: Unit[], from = 0): void {
  let bodySeen = 0
  let inTail = false
  let inComments = false
  for (let i = from; i < units.length; i += 1) {
    const u = units[i]!
    if (inTail) {
      const next = units[i + 1]
      // Readers' comments are solid prose too: a comment section never gives way to the article again.
      const resumes = !inComments && next && next.reason === null && isSolidProse(next)
      if (u.reason === null && isSolidProse(u) && resumes) {
        inTail = false
      } else {
        if (u.reason === null && u.role?.kind !== 'signature') {
          u.reason = isTailHeading(u.text) ? 'navigation' : 'after-article-end'
        }
        continue
      }
    }
    if (isBodyLike(u)) bodySeen += 1
    if (bodySeen === 0) continue
    if (u.reason === null && u.role === null && isCommentStart(u.text)) {
      u.reason = 'comments'
      inTail = true
      inComments = true
    } else if ((u.reason === null || u.reason === 'navigation') && u.role === null && isTailHeading(u.text)) {
      u.reason = 'navigation'
      inTail = true
    } else if (u.reason === 'sponsored' || u.reason === 'footer' || u.role?.kind === 'credits') {
      inTail = true
    } else if (bodySeen >= 2 && u.reason === null && (u.role === null || u.role.kind === 'caption')) {
      const signature = readSignature(u.text)
      if (signature) {
        u.role = { kind: 'signature', ...signature }
        inTail = true
      }
    }
  }
}
