import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { ALICE, ALICE_BRAND, api, errorReason, startUpload, uploadWhole } from './helpers.ts';

describe('video metadata validation and the metadata calls', () => {
  let sandbox: GoogleSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ config: { quotaLimit: 1_000_000 } });
    token = sandbox.issueTokens({ channelId: ALICE }).accessToken;
  });
  afterAll(() => sandbox.close());

  const insert = (
    snippet: Record<string, unknown>,
    status: Record<string, unknown> = { privacyStatus: 'private' },
  ) =>
    startUpload(sandbox, token, {
      size: 10,
      resource: { snippet: { categoryId: '22', ...snippet }, status },
    });
  async function expectReason(
    res: Promise<{ status: number; json<T>(): T }>,
    reason: string | null,
  ) {
    const answer = await res;
    if (reason === null) return assert.equal(answer.status, 200);
    assert.equal(answer.status, 400);
    assert.equal(errorReason(answer as Parameters<typeof errorReason>[0]), reason);
  }

  test('title: at most 100 characters (not bytes), no < or >, not empty', async () => {
    await expectReason(insert({ title: 'é'.repeat(100) }), null);
    await expectReason(insert({ title: 'x'.repeat(101) }), 'invalidTitle');
    await expectReason(insert({ title: 'a <b> title' }), 'invalidTitle');
    await expectReason(insert({ title: '   ' }), 'invalidTitle');
  });

  test('description: at most 5000 UTF-8 bytes, no < or >', async () => {
    await expectReason(insert({ title: 't', description: 'x'.repeat(5000) }), null);
    await expectReason(insert({ title: 't', description: 'é'.repeat(2501) }), 'invalidDescription');
    await expectReason(insert({ title: 't', description: '1 > 0' }), 'invalidDescription');
  });

  test('tags: 500 characters as YouTube counts them (commas, +2 for a tag with a space)', async () => {
    // 100 tags of 4 characters: 400 + 99 commas = 499.
    await expectReason(
      insert({ title: 't', tags: Array.from({ length: 100 }, () => 'abcd') }),
      null,
    );
    // 72 tags "ab c": 72 * (4 + 2) + 71 = 503, though the raw characters are only 359.
    await expectReason(
      insert({ title: 't', tags: Array.from({ length: 72 }, () => 'ab c') }),
      'invalidTags',
    );
  });

  test('publishAt only with privacyStatus private; category must be assignable', async () => {
    await expectReason(
      insert({ title: 't' }, { privacyStatus: 'private', publishAt: '2030-01-01T10:00:00Z' }),
      null,
    );
    await expectReason(
      insert({ title: 't' }, { privacyStatus: 'public', publishAt: '2030-01-01T10:00:00Z' }),
      'invalidPublishAt',
    );
    await expectReason(
      insert({ title: 't' }, { privacyStatus: 'private', publishAt: 'tomorrow' }),
      'invalidPublishAt',
    );
    await expectReason(insert({ title: 't', categoryId: '999' }), 'invalidCategoryId');
  });

  test('videos.update replaces whole parts, needs categoryId, and costs 50', async () => {
    const id = await uploadWhole(sandbox, token, Buffer.from('bytes'), {
      snippet: { title: 'Before', tags: ['one'], categoryId: '10' },
      status: { privacyStatus: 'private', selfDeclaredMadeForKids: false },
    });
    const noCategory = await api(sandbox, token, 'PUT', '/youtube/v3/videos?part=snippet', {
      id,
      snippet: { title: 'After' },
    });
    assert.equal(noCategory.status, 400);
    assert.equal(errorReason(noCategory), 'invalidCategoryId');
    const used = sandbox.quota.snapshot().used;
    const updated = await api(sandbox, token, 'PUT', '/youtube/v3/videos?part=snippet,status', {
      id,
      snippet: { title: 'After', categoryId: '22' },
      status: { privacyStatus: 'unlisted', containsSyntheticMedia: true },
    });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(sandbox.quota.snapshot().used, used + 50);
    const stored = sandbox.inspect.video(id)!;
    assert.equal(stored.snippet.title, 'After');
    assert.deepEqual(stored.snippet.tags, [], 'tags not sent are gone: the part is replaced whole');
    assert.equal(stored.status.privacyStatus, 'unlisted');
    assert.equal(stored.status.containsSyntheticMedia, true);
    assert.equal(stored.status.selfDeclaredMadeForKids, undefined);

    const other = sandbox.issueTokens({ channelId: ALICE_BRAND }).accessToken;
    const foreign = await api(sandbox, other, 'PUT', '/youtube/v3/videos?part=snippet', {
      id,
      snippet: { title: 'Mine', categoryId: '22' },
    });
    assert.equal(foreign.status, 403);
    const missing = await api(sandbox, token, 'PUT', '/youtube/v3/videos?part=snippet', {
      id: 'nope',
      snippet: { title: 'x', categoryId: '22' },
    });
    assert.equal(missing.status, 404);
    assert.equal(errorReason(missing), 'videoNotFound');
  });

  test("videos.list shows own private videos, hides others'", async () => {
    const id = await uploadWhole(sandbox, token, Buffer.from('private bytes'), {
      snippet: { title: 'Private' },
      status: { privacyStatus: 'private' },
    });
    const own = await api(
      sandbox,
      token,
      'GET',
      `/youtube/v3/videos?part=snippet,status,fileDetails&id=${id}`,
    );
    const item = own.json<{ items: { id: string; fileDetails: { fileSize: string } }[] }>()
      .items[0]!;
    assert.equal(item.id, id);
    assert.equal(item.fileDetails.fileSize, '13');
    const other = sandbox.issueTokens({ channelId: ALICE_BRAND }).accessToken;
    const theirs = await api(sandbox, other, 'GET', `/youtube/v3/videos?part=snippet&id=${id}`);
    assert.deepEqual(theirs.json<{ items: unknown[] }>().items, []);
  });

  test('playlists.list mine=true and playlistItems.insert', async () => {
    const lists = await api(
      sandbox,
      token,
      'GET',
      '/youtube/v3/playlists?part=snippet,status&mine=true',
    );
    const items = lists.json<{ items: { id: string; snippet: { title: string } }[] }>().items;
    assert.deepEqual(
      items.map((p) => p.snippet.title),
      ['Weeknight dinners', 'Drafts'],
    );
    const id = await uploadWhole(sandbox, token, Buffer.from('v'));
    const playlistId = items[0]!.id;
    const added = await api(sandbox, token, 'POST', '/youtube/v3/playlistItems?part=snippet', {
      snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId: id } },
    });
    assert.equal(added.status, 200, added.text);
    assert.equal(added.json<{ snippet: { position: number } }>().snippet.position, 0);
    assert.deepEqual(sandbox.inspect.video(id)!.playlistIds, [playlistId]);
    const missing = await api(sandbox, token, 'POST', '/youtube/v3/playlistItems?part=snippet', {
      snippet: {
        playlistId: 'PLnope000000000000',
        resourceId: { kind: 'youtube#video', videoId: id },
      },
    });
    assert.equal(missing.status, 404);
    assert.equal(errorReason(missing), 'playlistNotFound');
    const brandPlaylist = sandbox.inspect.channel(ALICE_BRAND).playlists[0]!.id;
    const foreign = await api(sandbox, token, 'POST', '/youtube/v3/playlistItems?part=snippet', {
      snippet: { playlistId: brandPlaylist, resourceId: { kind: 'youtube#video', videoId: id } },
    });
    assert.equal(foreign.status, 403);
  });

  test('channels.list requires part and a filter', async () => {
    const noPart = await api(sandbox, token, 'GET', '/youtube/v3/channels?mine=true');
    assert.equal(noPart.status, 400);
    assert.equal(errorReason(noPart), 'required');
    const noFilter = await api(sandbox, token, 'GET', '/youtube/v3/channels?part=id');
    assert.equal(noFilter.status, 400);
    assert.equal(errorReason(noFilter), 'missingRequiredParameter');
  });
});
