import { expect, test } from '@playwright/test'

test('the library lists the bundled articles and opens one', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  const links = page.getByRole('main').getByRole('link')
  await expect(links).toHaveCount(2)
  await links.first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Trump')
})

test('an unknown address shows a not-found page', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
})
