// SidecarParser when its reader thread is lost, fails, is stuck or is stopped: every pending
// parse answers with a reason naming its file, and the next parse gets a working thread.
// Its timeout runs on vitest's fake timers; the worker's answers are real messages.
import assert from 'node:assert/strict';
import { afterEach, describe, test, vi } from 'vitest';
import { SidecarParser } from '../../../src-main/watch/sidecar-parser.ts';

const scripted = new URL('../../helpers/scripted-sidecar-worker.ts', import.meta.url);
const parsers: SidecarParser[] = [];
function parser(opts: { timeoutMs?: number } = {}): SidecarParser {
  const p = new SidecarParser({ workerUrl: scripted, ...opts });
  parsers.push(p);
  return p;
}
afterEach(async () => {
  vi.useRealTimers();
  for (const p of parsers.splice(0)) await p.close();
});

const titleOf = (r: Awaited<ReturnType<SidecarParser['parse']>>) => {
  assert.ok(r.ok, !r.ok ? r.message : '');
  return r.fields.title;
};

describe('SidecarParser and its reader thread', () => {
  test('the real reader, with the default options: a sidecar parses', async () => {
    const p = new SidecarParser();
    try {
      assert.deepEqual(await p.parse('ep.yaml', 'title: Ep 1\n'), {
        ok: true,
        fields: { title: 'Ep 1' },
        lines: { title: 1 },
      });
    } finally {
      await p.close();
    }
  });

  test('one thread serves every parse', async () => {
    const p = parser();
    const first = titleOf(await p.parse('a.yaml', ''));
    const second = titleOf(await p.parse('b.yaml', ''));
    assert.equal(second, first);
  });

  test('an answer for no pending parse is ignored', async () => {
    const p = parser();
    const stuck = p.parse('hang.yaml', ''); // answers id -1 first, then nothing
    // The thread answers in order: once this one is back, the stray answer was handled.
    assert.match(titleOf(await p.parse('a.yaml', '')) ?? '', /^thread \d+$/);
    await p.close();
    assert.equal((await stuck).ok, false);
  });

  test('an answer clears its timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const p = parser({ timeoutMs: 5000 });
    await p.parse('a.yaml', '');
    assert.equal(vi.getTimerCount(), 0);
  });

  test('a thread that exits: its parses say so; the next parse starts a new one', async () => {
    const p = parser();
    const before = titleOf(await p.parse('a.yaml', ''));
    assert.deepEqual(await p.parse('exit.yaml', ''), {
      ok: false,
      message: 'exit.yaml: the sidecar reader stopped.',
    });
    assert.notEqual(titleOf(await p.parse('b.yaml', '')), before);
  });

  test('a thread that throws: its parses name the error', async () => {
    const p = parser();
    assert.deepEqual(await p.parse('throw.yaml', ''), {
      ok: false,
      message: 'throw.yaml: the sidecar reader failed (boom).',
    });
  });

  test('a stuck parse times out by name, the others fail with the reason, and the thread is replaced', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const p = parser({ timeoutMs: 5000 });
    const before = titleOf(await p.parse('a.yaml', ''));
    const stuck = p.parse('hang.yaml', '');
    await vi.advanceTimersByTimeAsync(1000);
    const other = p.parse('hang.yaml', 'the second one');
    await vi.advanceTimersByTimeAsync(3999);
    let settled = false;
    void stuck.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    assert.equal(settled, false, 'not before its time');
    await vi.advanceTimersByTimeAsync(1);
    assert.deepEqual(await stuck, {
      ok: false,
      message:
        'hang.yaml: reading it took longer than 5 s; a sidecar holds a few fields (title, description, tags...).',
    });
    assert.deepEqual(await other, {
      ok: false,
      message:
        'hang.yaml: another sidecar took too long to read; Dropline looks at it again later.',
    });
    assert.equal(vi.getTimerCount(), 0, 'the other parse no longer has a timer');
    assert.notEqual(titleOf(await p.parse('b.yaml', '')), before, 'a new thread');
  });

  test('close() answers every pending parse and stops the thread', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const p = parser({ timeoutMs: 5000 });
    const pending = p.parse('hang.yaml', '');
    await p.close();
    assert.deepEqual(await pending, { ok: false, message: 'hang.yaml: Dropline is stopping.' });
    assert.equal(vi.getTimerCount(), 0);
  });
});
