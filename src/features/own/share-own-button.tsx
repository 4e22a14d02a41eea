import { useState } from 'react'
import { getAbsoluteUrl, paths } from '../../lib/paths'
import { copyText } from '../../ui/clipboard'
import { formatCount } from '../../ui/format'
import type { OwnArticle } from './own-model'
import { MAX_LINK_LENGTH, sharedPayload } from './share-link'

/** Copies a link that carries the article itself; a link too long to travel says so and offers the export. */
export function ShareOwnButton({ own }: { own: OwnArticle }) {
  const [message, setMessage] = useState<string | null>(null)
  const share = async () => {
    if (typeof CompressionStream === 'undefined') {
      setMessage('This browser cannot make article links. Export it from the library as a file instead.')
      return
    }
    const url = getAbsoluteUrl(paths.shared.build(await sharedPayload(own)))
    if (url.length > MAX_LINK_LENGTH) {
      setMessage(
        `A link carrying this article would be ${formatCount(url.length)} characters long; many apps cut links over ${formatCount(MAX_LINK_LENGTH)}. Export it from the library as a file instead.`,
      )
      return
    }
    setMessage(
      (await copyText(url)) ? 'Link copied: it carries the article itself, so it opens in any browser.' : url,
    )
  }
  return (
    <p className="own-share">
      <button type="button" className="button button-secondary" onClick={() => void share()}>
        Copy a link that carries this article
      </button>{' '}
      <span role="status" className="own-share-status">
        {message}
      </span>
    </p>
  )
}
