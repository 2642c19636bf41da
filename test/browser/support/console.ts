import type { Locator, Page } from 'playwright-core';
import { settle } from './network';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A form input by its label. react-admin marks required inputs with " *" inside the label,
 * so the label is matched whole, with or without that mark.
 */
export function field(page: Page | Locator, label: string): Locator {
  return page.getByLabel(new RegExp(`^${escape(label)}(\\s*\\*)?$`));
}

/** Pick an option of a react-admin SelectInput (an MUI select) by the input's label. */
export async function selectOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${escape(label)}(\\s*\\*)?$`) }).click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The helper or error text under a form input, found from the input's label. */
export async function helperTextOf(page: Page, label: string): Promise<string> {
  const input = field(page, label);
  const control = input.locator('xpath=ancestor::div[contains(@class, "MuiFormControl-root")][1]');
  return (await control.locator('.MuiFormHelperText-root').innerText()).trim();
}

/** Wait for a react-admin notification and return its text. */
export async function notificationText(page: Page): Promise<string> {
  const snackbar = page.locator('.MuiSnackbar-root').last();
  await snackbar.waitFor();
  return (await snackbar.innerText()).trim();
}

/** Wait until the list shows its rows (or its empty state) and no request is in flight. */
export async function waitForList(page: Page): Promise<void> {
  await page.locator('.RaList-main, .RaList-noResults, .RaEmpty-message').first().waitFor();
  await settle(page);
  await page.locator('.MuiLinearProgress-root').waitFor({ state: 'detached' }).catch(() => undefined);
}

export async function listRowTexts(page: Page): Promise<string[]> {
  await waitForList(page);
  return page.locator('.RaList-main tbody tr').allInnerTexts();
}
