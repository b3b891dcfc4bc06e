import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { openEngine } from './support/test-engine.ts';
import { renderApp, screenHeading } from './support/render-app.tsx';

test('an unaudited TikTok app: the account offers only private posts, and the screen says why', async () => {
  await openEngine({ tiktok: { audited: false, accounts: ['-000carol-open-id-0001'] } });
  await renderApp('Channels');
  await expect.element(screenHeading('Channels')).toBeVisible();
  const card = page.getByTestId('tiktok-account');
  await expect.element(card.getByText('Carol Cuts')).toBeVisible();
  await expect
    .element(card.getByTestId('tiktok-privacy-options'))
    .toHaveTextContent('May post: Only me (private)');
  await expect
    .element(card.getByTestId('tiktok-posting-note'))
    .toHaveTextContent(
      'Only private (SELF_ONLY) posts: this TikTok app has not passed TikTok\'s audit, and TikTok restricts everything an unaudited app posts to private viewing. Once TikTok audits the app, turn on "audited" in the TikTok app settings.',
    );
  await expect
    .element(page.getByTestId('tiktok-app-summary'))
    .toHaveTextContent('TikTok app: sbxunaudited0002 (not audited yet) Change');
});

test('an audited app: every level creator_info allows, no note', async () => {
  await openEngine({ tiktok: { audited: true, accounts: ['-000carol-open-id-0001'] } });
  await renderApp('Channels');
  const card = page.getByTestId('tiktok-account');
  await expect
    .element(card.getByTestId('tiktok-privacy-options'))
    .toHaveTextContent('May post: Everyone, Friends, Followers, Only me (private)');
  await expect.element(card.getByTestId('tiktok-posting-note')).not.toBeInTheDocument();
});

test('the TikTok app form refuses a bad client key where it was typed', async () => {
  await openEngine({});
  await renderApp('Channels');
  await page.getByRole('textbox', { name: 'Client key' }).fill('no spaces allowed');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent(
      'The client key is 4-64 letters, digits, "-" or "_" (App details in TikTok for Developers).',
    );
});
