import { userEvent } from 'vitest/browser';
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp } from './support/render-app.tsx';
import { ALICE } from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

// The Queue's dialogs load the first time they open (LoadOnOpen): that first time, and the next,
// they take focus and give it back to what opened them, as dialogs loaded with the screen do.
test('the Add upload dialog, loaded when first opened, gives focus back on close, each time', async () => {
  await openEngine({ channels: [ALICE] });
  await renderApp('Queue');
  const opener = page.getByRole('button', { name: 'Add upload', exact: true });
  // The screen's chunk may still be loading: element() below does not wait for it.
  await expect.element(opener).toBeVisible();
  for (const time of ['first', 'second']) {
    // By keyboard: in this harness the sidebar lies over the screen's top-right buttons.
    (opener.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    const dialog = page.getByRole('dialog', { name: 'Add upload' });
    await expect.element(dialog, { message: `${time} opening` }).toBeVisible();
    await expect
      .poll(() => dialog.element().contains(document.activeElement), { message: time })
      .toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.poll(() => document.activeElement, { message: time }).toBe(opener.element());
  }
});

test('a job detail view, loaded when first opened, gives focus back to the job on close', async () => {
  await openEngine({ channels: [ALICE], jobs: { count: 1, channelId: ALICE, title: 'Pasta' } });
  await renderApp('Queue');
  const title = page.getByRole('button', { name: 'Pasta' }).first();
  await title.click();
  const dialog = page.getByRole('dialog', { name: 'Pasta' });
  await expect.element(dialog).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.poll(() => document.activeElement).toBe(title.element());
});
