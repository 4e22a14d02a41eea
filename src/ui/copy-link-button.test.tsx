// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CopyLinkButton } from './copy-link-button'
import { Toaster } from './toast'

afterEach(() => cleanup())

describe('CopyLinkButton', () => {
  it('copies the absolute link and announces that it did', async () => {
    const user = userEvent.setup()
    render(
      <>
        <CopyLinkButton
          path="/article/x?quote=q2"
          accessibleLabel="Copy link to this quote"
          copiedMessage="Link to the quote copied"
        />
        <Toaster />
      </>,
    )
    await user.click(screen.getByRole('button', { name: 'Copy link to this quote' }))
    expect(await navigator.clipboard.readText()).toBe(`${location.origin}/article/x?quote=q2`)
    expect(screen.getByRole('status')).toHaveTextContent('Link to the quote copied')
  })

  it('falls back to the old copy command where the clipboard API refuses', async () => {
    const user = userEvent.setup()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    const exec = vi.fn(() => true)
    document.execCommand = exec
    render(
      <>
        <CopyLinkButton path="/article/x" />
        <Toaster />
      </>,
    )
    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(exec).toHaveBeenCalledWith('copy')
    expect(screen.getByRole('status')).toHaveTextContent('Link copied')
  })

  it('shows the link itself when copying is impossible', async () => {
    const user = userEvent.setup()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    document.execCommand = vi.fn(() => false)
    render(
      <>
        <CopyLinkButton path="/article/y" iconOnly accessibleLabel="Copy link to paragraph 2" />
        <Toaster />
      </>,
    )
    await user.click(screen.getByRole('button', { name: 'Copy link to paragraph 2' }))
    expect(screen.getByRole('status')).toHaveTextContent(
      `Could not copy. The link is ${location.origin}/article/y`,
    )
  })
})
