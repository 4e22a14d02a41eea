/** Stage 3: where the article ends (navigation headings, sign-offs, comment sections). */
import { isCommentStart, isTailHeading } from '../text-furniture'
import { readSignature } from '../text-structure'
import { isBodyLike, isSolidProse, type Unit } from './units'

/** Lines a box inside the article may hold: a heading and a few links. */
const SMALL_BOX = 4

/** Whether anything after `i` up to the run's end is still prose (the box was inside the article). */
function resumesLater(units: Unit[], i: number, runEnd: number): boolean {
  for (let j = i + 1; j <= runEnd; j += 1)
    if (units[j]!.reason === null && isSolidProse(units[j]!)) return true
  return false
}

/**
 * The end of the article: a navigation heading ("Latest News", "Related", "Sponsored Content") or a
 * reporter's sign-off after the body has begun. Everything after it is page furniture, unless solid
 * prose resumes (two long sentences in a row), which means the heading was a box inside the article.
 */
export function markTail(units: Unit[], from = 0, runEnd = units.length - 1): void {
  let bodySeen = 0
  let inTail = false
  let inComments = false
  let tailStart = -1
  for (let i = from; i < units.length; i += 1) {
    const u = units[i]!
    if (inTail) {
      const next = units[i + 1]
      // Readers' comments are solid prose too: a comment section never gives way to the article again.
      // So is the last long paragraph of the article's run after a small box ("Related links" and a link).
      const boxed =
        i <= runEnd && i - tailStart <= SMALL_BOX && (i === runEnd || resumesLater(units, i, runEnd))
      const resumes = !inComments && ((next && next.reason === null && isSolidProse(next)) || boxed)
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
      tailStart = i
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
