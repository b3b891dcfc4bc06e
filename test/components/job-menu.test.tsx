import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { JobRow } from '../../src-renderer/screens/queue/JobRow.tsx';
import { AppTheme } from '../../src-renderer/theme/AppTheme.tsx';
import { job } from '../helpers/domain-fixtures.ts';

// A row's More button is a plain button until its first click, which loads the menu's chunk:
// that one click must open the menu (a stand-in that dropped it was a flaky CI failure).
async function renderRow(title: string) {
  await render(
    <AppTheme>
      <JobRow job={job('j1', 'UC1', { state: 'queued', title })} progress={undefined} />
    </AppTheme>,
  );
  return page.getByRole('button', { name: `More actions for ${title}` });
}

test("the first click on a row's More button opens its menu", async () => {
  const button = await renderRow('Soup');
  await button.click();
  const menu = page.getByRole('menu', { name: 'More actions for Soup' });
  await expect.element(menu).toBeVisible();
  await expect.element(menu.getByRole('menuitem', { name: 'Details and history' })).toBeVisible();
});

test('from the keyboard: Enter on the focused More button opens the menu, Escape gives focus back', async () => {
  const button = await renderRow('Bread');
  (button.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const menu = page.getByRole('menu', { name: 'More actions for Bread' });
  await expect.element(menu.getByRole('menuitem', { name: 'Details and history' })).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.element(menu).not.toBeInTheDocument();
  await expect.element(page.getByRole('button', { name: 'More actions for Bread' })).toHaveFocus();
});
