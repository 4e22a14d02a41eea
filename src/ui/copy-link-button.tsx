import { getAbsoluteUrl } from '../lib/paths'
import { copyText } from './clipboard'
import { LinkIcon } from './icons'
import { showToast } from './toast'

export type CopyLinkButtonProps = {
  /** A router path from `paths.*.build(...)`; the copied URL is absolute, under the deployment base. */
  path: string
  /** Visible text. With `iconOnly` it is not shown and `accessibleLabel` names the button. */
  label?: string
  /** The accessible name; it must contain the visible label ("Copy link to quote 3"). */
  accessibleLabel?: string
  /** Announced after copying. */
  copiedMessage?: string
  iconOnly?: boolean
  className?: string
}

/** Copies a deep link to the clipboard and confirms it in the shared toast (announced to screen readers). */
export function CopyLinkButton({
  path,
  label = 'Copy link',
  accessibleLabel,
  copiedMessage = 'Link copied',
  iconOnly = false,
  className,
}: CopyLinkButtonProps) {
  const onClick = async () => {
    const url = getAbsoluteUrl(path)
    const ok = await copyText(url)
    showToast(ok ? copiedMessage : `Could not copy. The link is ${url}`)
  }
  return (
    <button
      type="button"
      className={['button', 'copy-link', iconOnly ? 'button-icon' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
      aria-label={accessibleLabel ?? (iconOnly ? label : undefined)}
      data-copy-path={path}
      onClick={() => void onClick()}
    >
      <LinkIcon />
      {iconOnly ? null : <span>{label}</span>}
    </button>
  )
}
