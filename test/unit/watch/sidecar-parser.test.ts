import assert from 'node:assert/strict';
import { describe, onTestFinished, test } from 'vitest';
import { SidecarParser } from '../../../src-main/watch/sidecar-parser.ts';

// Within every structure limit, yet thousands of nodes: tens of milliseconds of yaml work or more.
const heavy = `title: x\ndescription: "${'word, '.repeat(19_000)}"\ntags:\n${'  - t\n'.repeat(4900)}`;

describe('sidecars are parsed off the event loop', () => {
  test('a timer set after the parse starts fires before the parse answers', async () => {
    // Made here, not at collection: the default worker lookup is part of what is tested.
    const parser = new SidecarParser();
    onTestFinished(() => parser.close());
    // Warm the worker up, so the race below is about parsing, not starting a thread.
    await parser.parse('warm.yaml', 'title: warm\n');
    const order: string[] = [];
    const parsed = parser.parse('heavy.yaml', heavy).then((r) => {
      order.push('parsed');
      return r;
    });
    const ticked = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('tick');
        resolve();
      }, 0),
    );
    const [result] = await Promise.all([parsed, ticked]);
    assert.deepEqual(order, ['tick', 'parsed']);
    assert.equal(result.ok, true, !result.ok ? result.message : '');
  });

  test('without the worker (parsing in place) the same parse answers first: the test can fail', async () => {
    const inPlace = new SidecarParser({ workerUrl: null });
    const order: string[] = [];
    const parsed = inPlace.parse('heavy.yaml', heavy).then(() => order.push('parsed'));
    const ticked = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('tick');
        resolve();
      }, 0),
    );
    await Promise.all([parsed, ticked]);
    assert.deepEqual(order, ['parsed', 'tick']);
    await inPlace.close();
  });
});
