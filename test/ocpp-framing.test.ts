import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFrame } from '../kernel/ocpp/framing';

describe('OCPP-J framing', () => {
  test('reads a CALL, a CALLRESULT and a CALLERROR', () => {
    assert.deepEqual(parseFrame('[2,"a1","Heartbeat",{}]'), {
      ok: true,
      frame: { type: 2, messageId: 'a1', action: 'Heartbeat', payload: {} },
    });
    assert.deepEqual(parseFrame('[3,"a1",{"currentTime":"x"}]'), {
      ok: true,
      frame: { type: 3, messageId: 'a1', payload: { currentTime: 'x' } },
    });
    assert.deepEqual(parseFrame('[4,"a1","NotImplemented","no",{}]'), {
      ok: true,
      frame: { type: 4, messageId: 'a1', errorCode: 'NotImplemented', errorDescription: 'no', errorDetails: {} },
    });
  });

  const cases: Array<[string, string, string, string, boolean]> = [
    ['invalid JSON', '[2,"a1",', '-1', 'RpcFrameworkError', true],
    ['not an array', '{"hello":1}', '-1', 'RpcFrameworkError', true],
    ['a message id that is not a string', '[2,17,"Heartbeat",{}]', '-1', 'RpcFrameworkError', true],
    ['a message id longer than 36 characters', `[2,"${'x'.repeat(37)}","Heartbeat",{}]`, '-1', 'RpcFrameworkError', true],
    ['an unknown message type id', '[7,"a1","Heartbeat",{}]', 'a1', 'MessageTypeNotSupported', true],
    ['a CALL with three elements', '[2,"a1","Heartbeat"]', 'a1', 'RpcFrameworkError', true],
    ['a CALL whose action is not a string', '[2,"a1",5,{}]', 'a1', 'RpcFrameworkError', true],
    ['a CALL whose payload is not an object', '[2,"a1","Heartbeat",[]]', 'a1', 'FormatViolation', true],
    ['a malformed CALLRESULT', '[3,"a1"]', 'a1', 'RpcFrameworkError', false],
    ['a malformed CALLERROR', '[4,"a1","X"]', 'a1', 'RpcFrameworkError', false],
  ];
  for (const [what, text, messageId, code, answer] of cases) {
    test(`${what} is a framing problem: ${code}, message id ${messageId}${answer ? '' : ', not answered'}`, () => {
      const outcome = parseFrame(text);
      assert.equal(outcome.ok, false);
      if (outcome.ok) return;
      assert.equal(outcome.problem.messageId, messageId);
      assert.equal(outcome.problem.code, code);
      assert.equal(outcome.problem.answer, answer);
    });
  }
});
