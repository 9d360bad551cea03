import { strict as assert } from 'node:assert';
import {
  KUDOS_MESSAGE_MAX,
  hostMessageSchema,
  kudosMessageSchema,
  kudosViewModelSchema,
  webviewMessageSchema,
  webviewStateSchema,
  type KudosViewModel,
} from '../../src/protocol/kudosProtocol';

const emptyModel: KudosViewModel = {
  repo: 'acme/webshop',
  me: 'mona',
  windowDays: 7,
  windowStart: 0,
  windowEnd: 7 * 86_400_000,
  reviewsReceived: [],
  kudosReceived: [],
  kudosGiven: [],
  balance: { members: [], totalReviews: 0, totalReplies: 0, concentration: [] },
  health: {
    blockerFirstResponse: { current: null, previous: null, count: 0, previousCount: 0 },
    blockerResolution: { current: null, previous: null, count: 0, previousCount: 0 },
    prFirstReview: { current: 3_600_000, previous: null, count: 1, previousCount: 0 },
  },
  notices: [],
};

describe('kudos protocol', () => {
  it('accepts every host message kind', () => {
    for (const m of [
      { type: 'model', model: emptyModel },
      { type: 'loading', windowDays: 30 },
      { type: 'status', kind: 'signedOut', message: 'Sign in' },
      { type: 'sendResult', key: '12:sam', ok: true, message: 'Sent' },
    ]) {
      assert.ok(hostMessageSchema.safeParse(m).success, JSON.stringify(m));
    }
  });

  it('rejects unknown types, bad windows and malformed models', () => {
    for (const m of [
      { type: 'eval', code: 'alert(1)' },
      { type: 'loading', windowDays: 14 },
      { type: 'model', model: { ...emptyModel, windowDays: 365 } },
      { type: 'model', model: { ...emptyModel, reviewsReceived: [{ reviewer: 'sam' }] } },
      { type: 'status', kind: 'panic', message: 'x' },
      null,
      'model',
    ]) {
      assert.equal(hostMessageSchema.safeParse(m).success, false, JSON.stringify(m));
    }
  });

  it('accepts every webview message kind and rejects the rest', () => {
    const ok = [
      { type: 'ready' },
      { type: 'ready', windowDays: 30 },
      { type: 'rendered', summary: { windowDays: 7, reviewers: 1, reviewsReceived: 2, kudosReceived: 0, kudosGiven: 0, members: 5, totalReviews: 9 } },
      { type: 'setWindow', windowDays: 90 },
      { type: 'refresh' },
      { type: 'sendKudos', request: { prNumber: 12, reviewer: 'sam', message: 'Thanks!', heart: true } },
      { type: 'openPullRequest', prNumber: 3 },
      { type: 'command', command: 'draftStandup' },
    ];
    for (const m of ok) assert.ok(webviewMessageSchema.safeParse(m).success, JSON.stringify(m));
    const bad = [
      { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'sendKudos', request: { prNumber: 12, reviewer: 'sam', message: '   ', heart: true } },
      { type: 'sendKudos', request: { prNumber: -1, reviewer: 'sam', message: 'x', heart: true } },
      { type: 'openPullRequest', prNumber: 'javascript:alert(1)' },
      { type: 'setWindow', windowDays: '7' },
    ];
    for (const m of bad) assert.equal(webviewMessageSchema.safeParse(m).success, false, JSON.stringify(m));
  });

  it('requires a kudos message of 1..2000 characters', () => {
    assert.equal(kudosMessageSchema.safeParse('').success, false);
    assert.equal(kudosMessageSchema.safeParse(' \n\t ').success, false);
    assert.ok(kudosMessageSchema.safeParse('x'.repeat(KUDOS_MESSAGE_MAX)).success);
    assert.equal(kudosMessageSchema.safeParse('x'.repeat(KUDOS_MESSAGE_MAX + 1)).success, false);
  });

  it('round-trips a model and fills webview state defaults', () => {
    assert.deepEqual(kudosViewModelSchema.parse(JSON.parse(JSON.stringify(emptyModel))), emptyModel);
    assert.deepEqual(webviewStateSchema.parse({}), { windowDays: 7, scrollY: 0, drafts: {} });
    assert.equal(webviewStateSchema.safeParse({ windowDays: 8 }).success, false);
  });
});
