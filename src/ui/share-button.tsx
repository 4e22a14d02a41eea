import { useSyncExternalStore } from 'react'
import { getAbsoluteUrl } from '../lib/paths'
import { ShareIcon } from './icons'
import { showToast } from './toast'

export type ShareButtonProps = {
  /** A router path from `paths.*.build(...)`. */
  path: string
  /** The shared title (e.g. the headline). */
  title: string
  text?: string
  label?: string
  /** The accessible name; it must contain the visible label. */
  accessibleLabel?: string
  className?: string
}

const noop = () => () => {}
const canShare = () => typeof navigator !== 'undefined' && typeof navigator.share === 'function'

/** The system share sheet (Web Share API); renders nothing where the browser has none. */
export function ShareButton({
  path,
  title,
  text,
  label = 'Share',
  accessibleLabel,
  className,
}: ShareButtonProps) {
  // Server snapshot `false` keeps prerendered HTML and hydration identical; the button appears after.
  const available = useSyncExternalStore(noop, canShare, () => false)
  if (!available) return null
  const onClick = async () => {
    try {
      await navigator.share({ title, text, url: getAbsoluteUrl(path) })
    } catch (error) {
      // Closing the share sheet is not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return
      showToast('Could not open the share menu')
    }
  }
  return (
    <button
      type="button"
      className={['button', 'share-button', className ?? ''].filter(Boolean).join(' ')}
      aria-label={accessibleLabel}
      onClick={() => void onClick()}
    >
      <ShareIcon />
      <span>{label}</span>
    </button>
  )
}
