import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceHtml } from '../support/evidence/evidence-html';
import { failureLines, stepWording } from '../support/evidence/failure-line';
import { SecretMasker } from '../kernel/evidence/masking';
import { CSMS_TO_STATION, STATION_TO_CSMS, type FrameEntry, isFrame, readableTrace } from '../support/evidence/readable-trace';
import { loadConfig } from '../kernel/config';
import { runMetadata, tagsOf } from '../support/evidence/run-metadata';
import { sequenceDiagram } from '../support/evidence/sequence-diagram';
import { type FrameRecord, Trace, type TraceEntry } from '../kernel/evidence/trace';
import { ValidationError } from '../support/validation/field-checks';

const AT = '2026-01-02T03:04:05.678Z';

function frame(details: Partial<FrameRecord> & Pick<FrameRecord, 'direction' | 'messageType'>): FrameRecord {
  return { kind: 'frame', at: AT, connection: 'CP_1', recordedBy: 'ChargingStation', raw: '[]', ...details };
}

const TRACE: TraceEntry[] = [
  { kind: 'event', at: AT, connection: 'CP_1', recordedBy: 'ChargingStation', text: 'connected to ws://127.0.0.1:1/CP_1' },
  frame({ direction: 'sent', messageType: 'CALL', messageId: 'm1', action: 'BootNotification', payload: { reason: 'PowerUp' } }),
  frame({ direction: 'received', messageType: 'CALLRESULT', messageId: 'm1', action: 'BootNotification', payload: { status: 'Accepted' } }),
  frame({ direction: 'received', messageType: 'CALL', messageId: 'c1', action: 'Reset', payload: { type: 'Immediate' } }),
  frame({ direction: 'sent', messageType: 'CALLERROR', messageId: 'c1', errorCode: 'NotSupported', errorDescription: 'no; #1 <b>' }),
];

describe('readable trace', () => {
  it('numbers the frames, spells out the direction and names every message, answers included', () => {
    const entries = readableTrace(TRACE);
    assert.equal(entries.length, 5);
    assert.deepEqual(entries[0], { time: AT, connection: 'CP_1', event: 'connected to ws://127.0.0.1:1/CP_1' });
    const frames = entries.filter(isFrame);
    assert.deepEqual(
      frames.map((f) => [f.n, f.direction, f.message]),
      [
        [1, STATION_TO_CSMS, 'BootNotificationRequest'],
        [2, CSMS_TO_STATION, 'BootNotificationResponse'],
        [3, CSMS_TO_STATION, 'ResetRequest'],
        [4, STATION_TO_CSMS, 'CALLERROR NotSupported'],
      ],
    );
    // The CALLERROR names no action itself: it is found through the CALL it answers.
    assert.equal((frames[3] as FrameEntry).action, 'Reset');
    assert.equal(frames[0].raw, undefined);
  });

  it('reads the direction from the side that recorded the frame', () => {
    const [entry] = readableTrace([
      { ...frame({ direction: 'sent', messageType: 'CALL', action: 'Reset', messageId: 'x' }), recordedBy: 'CSMS' },
    ]);
    assert.equal((entry as FrameEntry).direction, CSMS_TO_STATION);
  });
});

describe('sequence diagram', () => {
  it('draws one numbered arrow per frame and a note per event, from the frames only', () => {
    const diagram = sequenceDiagram(readableTrace(TRACE));
    assert.equal(
      diagram,
      [
        'sequenceDiagram',
        '  autonumber',
        '  participant S1 as CP_1',
        '  participant CSMS',
        '  Note over S1: connected to ws://127.0.0.1:1/CP_1',
        '  S1->>CSMS: BootNotificationRequest (PowerUp)',
        '  CSMS-->>S1: BootNotificationResponse (Accepted)',
        '  CSMS->>S1: ResetRequest',
        '  S1--xCSMS: CALLERROR NotSupported (no#59; #35;1 #60;b#62;)',
      ].join('\n'),
    );
  });
});

describe('evidence HTML', () => {
  it('escapes every value, since payloads come from the CSMS under test', () => {
    const hostile = readableTrace([
      frame({
        direction: 'received',
        messageType: 'CALL',
        messageId: '<i>',
        action: 'DataTransfer',
        payload: { data: '</pre><script>alert(1)</script>' },
      }),
    ]);
    const html = evidenceHtml({ failures: ['step: x · error: <b>'], diagram: 'A->>B: <script>', entries: hostile });
    assert.doesNotMatch(html, /<script>|<b>|<i>/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /class="ocpp-failure">✗ step: x · error: &#60;b&#62;/);
    assert.match(html, /<td>1<\/td>/);
  });
});

describe('failure lines', () => {
  it('states each failed field with its step, message, field, expected and actual value', () => {
    const error = new ValidationError([
      { message: 'BootNotificationResponse', field: 'status', expected: 'Accepted', actual: '"Rejected"' },
      { message: 'BootNotificationResponse', field: 'interval', expected: 'an integer >= 0', actual: 'absent' },
    ]);
    assert.deepEqual(failureLines('Then the CSMS responds with', error), [
      'step: Then the CSMS responds with · message: BootNotificationResponse · field: status · expected: Accepted · actual: "Rejected"',
      'step: Then the CSMS responds with · message: BootNotificationResponse · field: interval · expected: an integer >= 0 · actual: absent',
    ]);
  });

  it('puts any other error on one line', () => {
    assert.deepEqual(failureLines('When x', new Error('no answer\n  within 30 s')), ['step: When x · error: no answer / within 30 s']);
  });

  it('finds the keyword of a step, in the background too', () => {
    const document = {
      feature: {
        children: [{ background: { steps: [{ id: 'b1', keyword: 'Given ' }] } }, { scenario: { steps: [{ id: 's1', keyword: 'Then ' }] } }],
      },
    };
    assert.equal(stepWording(document, { text: 'the station is booted', astNodeIds: ['b1'] }), 'Given the station is booted');
    assert.equal(stepWording(document, { text: 'the CSMS responds with', astNodeIds: ['s1'] }), 'Then the CSMS responds with');
  });
});

describe('masking', () => {
  it('masks Basic credentials but leaves the words "Basic Authentication" alone', () => {
    const masker = new SecretMasker([]);
    const header = `Basic ${Buffer.from('CP_1:0123456789123456').toString('base64')}`;
    assert.equal(masker.maskText(`HTTP Basic Authentication: ${header}`), 'HTTP Basic Authentication: Basic [masked, 28 chars]');
  });

  it('learns a password from a SetVariables frame and masks it in any later text', () => {
    const trace = new Trace(new SecretMasker(['configured-secret-1']));
    trace.record(
      frame({
        direction: 'received',
        messageType: 'CALL',
        action: 'SetVariables',
        messageId: 'p',
        payload: {
          setVariableData: [
            { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'learnt-password-42' },
          ],
        },
      }),
    );
    assert.equal(trace.maskText('got "learnt-password-42" and configured-secret-1'), 'got "[masked, 18 chars]" and [masked, 19 chars]');
    assert.doesNotMatch(JSON.stringify(trace.entries), /learnt-password-42/);
  });
});

describe('run metadata', () => {
  it('reads the selected tags of a cucumber-js command line', () => {
    assert.equal(tagsOf(['--tags', '@provisioning']), '@provisioning');
    assert.equal(tagsOf(['-t', '@a', '--tags=not @b']), '(@a) and (not @b)');
    assert.equal(tagsOf(['--profile', 'ci']), undefined);
  });

  it('shows the CSMS as declared, and says so when it is not', () => {
    const external = loadConfig({
      env: { CSMS_ADDRESS: 'ws://operator:hunter22@csms.example:9000', CSMS_VENDOR: 'Acme', CSMS_OPERATOR: 'manual' },
      envFile: '/dev/null',
    });
    const meta = runMetadata(external, { interrupted: false, tags: '@provisioning' });
    assert.equal(meta.csmsVendor, 'Acme');
    assert.equal(meta.csmsProduct, 'not declared (set CSMS_PRODUCT)');
    assert.equal(meta.csmsName, 'Acme');
    assert.doesNotMatch(meta.csmsAddress, /hunter22/);
    assert.match(meta.csmsAddress, /^ws:\/\/operator:masked-8-chars@csms\.example:9000/);
    assert.equal(meta.operatorMode, 'manual');
    assert.equal(meta.ocppVersion, '2.0.1');

    const embedded = runMetadata(loadConfig({ env: {}, envFile: '/dev/null' }), { interrupted: true });
    assert.match(embedded.csmsAddress, /^embedded reference CSMS/);
    assert.equal(embedded.csmsVersion, embedded.suiteVersion);
    assert.equal(embedded.tags, 'none (every scenario)');
    assert.equal(runMetadata(undefined, { interrupted: false }).csmsAddress, 'unknown: the configuration is invalid');
  });
});
