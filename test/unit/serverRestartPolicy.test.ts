import { strict as assert } from 'node:assert';
import { RestartPolicy } from '../../src/server-client/restartPolicy';

describe('language server restart policy', () => {
  it('restarts after the first three crashes, then gives up until reset', () => {
    const policy = new RestartPolicy(3);
    assert.deepEqual([1, 2, 3, 4, 5].map(() => policy.closed().restart), [true, true, true, false, false]);
    policy.reset();
    assert.deepEqual(policy.closed(), { restart: true, crashes: 1 });
  });
});
