import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderApp } from './support/render-app.tsx';
import { ALICE, ALICE_TRAVELS } from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

/**
 * How far below the form's top an element is laid out. Offsets, not screen positions: the
 * dialog's opening transition moves the whole form, which is not the shift looked for here.
 */
function offsetIn(el: HTMLElement, form: HTMLElement): number {
  let top = 0;
  for (
    let at: HTMLElement | null = el;
    at && form.contains(at);
    at = at.offsetParent as HTMLElement
  )
    top += at.offsetTop;
  return top;
}

test("the files field's check, asked and answered, does not move the channels below it", async () => {
  const engine = await openEngine({
    channels: [ALICE, ALICE_TRAVELS],
    jobs: { count: 1, channelId: ALICE },
  });
  await renderApp('Queue');
  const opener = page.getByRole('button', { name: 'Add upload', exact: true });
  await expect.element(opener).toBeVisible();
  // By keyboard: in this harness the sidebar lies over the screen's top-right buttons.
  (opener.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const form = page.getByRole('form', { name: 'Add upload' });
  const travels = form.getByRole('checkbox', { name: 'Alice Travels' });
  await expect.element(travels).toBeVisible();
  await expect.element(form.getByText('No video listed yet')).toBeVisible();

  // Typing may grow the field (it fits its lines); the answer coming later must move nothing:
  // a click on a channel as it arrived went to the wrong place (run 1 of 5cdb46e).
  engine.hold('jobs.check');
  await form.getByRole('textbox', { name: /Video files/ }).fill(engine.files[0] as string);
  await engine.heldCall('jobs.check');
  await expect.element(form.getByText('Checking 1 video…')).toBeVisible();
  const where = () => offsetIn(travels.element() as HTMLElement, form.element() as HTMLElement);
  const asked = where();
  engine.release('jobs.check');
  await expect.element(form.getByText('1 video ready')).toBeVisible();
  expect(where()).toBe(asked);
});
