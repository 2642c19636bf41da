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

/**
 * Pick an option of a select by the input's label: an MUI select (react-admin's SelectInput)
 * or an autocomplete (AutocompleteInput, ReferenceInput, the entry grid's pickers). An
 * autocomplete is searched by typing the option, as a user would: its first page holds only
 * the likeliest options, never all of them.
 */
export async function selectOption(page: Page, label: string, option: string): Promise<void> {
  const combobox = page.getByRole('combobox', { name: new RegExp(`^${escape(label)}(\\s*\\*)?$`) });
  const choice = page.getByRole('listbox').getByRole('option', { name: option, exact: true });
  if ((await combobox.evaluate((el) => el.tagName)) === 'INPUT') {
    await combobox.fill(option);
    // An autocomplete clears an unchosen text when it loses focus (e.g. as the page settles
    // around it): type it again rather than wait for a search that is no longer asked.
    for (let attempt = 1; !(await choice.isVisible()); attempt++) {
      if (attempt > 50) break;
      if ((await combobox.inputValue()) !== option) await combobox.fill(option);
      await page.waitForTimeout(200);
    }
  } else {
    await combobox.click();
  }
  await choice.click();
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

/**
 * Wait for a notification saying `text` (notifications queue up: the last one shown may
 * still be the previous step's).
 */
export async function notified(page: Page, text: string): Promise<void> {
  await page.locator('.MuiSnackbar-root', { hasText: text }).first().waitFor();
}

/** Wait until the list shows its rows (or its empty state, react-admin's or a resource's own) and no request is in flight. */
export async function waitForList(page: Page): Promise<void> {
  await page.locator('.RaList-main, .RaList-noResults, .RaEmpty-message, [data-testid="list-empty"]').first().waitFor();
  await settle(page);
  await page.locator('.MuiLinearProgress-root').waitFor({ state: 'detached' }).catch(() => undefined);
}

export async function listRowTexts(page: Page): Promise<string[]> {
  await waitForList(page);
  return page.locator('.RaList-main tbody tr').allInnerTexts();
}
