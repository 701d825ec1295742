import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NotifyCustomerInformationRequest, NotifyEventRequest } from '../schemas/ocpp201-messages';
import { LoopbackFileService } from '../kernel/files/file-service';
import { StationClock } from '../kernel/time/station-clock';
import { installLocalList } from '../support/station/areas/authorization/lists';
import { customerData } from '../support/station/areas/diagnostics/customers';
import { changeVariable } from '../support/station/areas/diagnostics/events';
import { uploadLog } from '../support/station/areas/diagnostics/logs';
import { activeMonitors, installMonitor } from '../support/station/areas/diagnostics/monitors';
import type { ChargingStation } from '../support/station/core/charging-station';
import { testStation } from './helpers/station';

const EVSE = { name: 'EVSE', evse: { id: 1 } };

function powerMonitor(station: ChargingStation, kind: 'HardWired' | 'Preconfigured' | 'Custom', id: number, severity = 2): void {
  installMonitor(station, {
    id,
    kind,
    factoryDefault: false,
    component: EVSE,
    variable: { name: 'Power' },
    type: 'UpperThreshold',
    value: 22000,
    severity,
    transaction: false,
  });
}

function owedEvents(station: ChargingStation): NotifyEventRequest[] {
  return station.owed.take('NotifyEvent').map((owed) => owed.build() as NotifyEventRequest);
}

test('SetVariableMonitoring: each element answered from the device model and the store', async () => {
  const station = testStation();
  const reply = await station.replyTo('SetVariableMonitoring', {
    setMonitoringData: [
      { value: 1, type: 'Delta', severity: 8, component: EVSE, variable: { name: 'AvailabilityState' } },
      { value: 1, type: 'Delta', severity: 8, component: { name: 'Nowhere' }, variable: { name: 'AvailabilityState' } },
      { value: 1, type: 'Delta', severity: 8, component: EVSE, variable: { name: 'Nothing' } },
      { value: 5, type: 'UpperThreshold', severity: 8, component: EVSE, variable: { name: 'AvailabilityState' } },
    ],
  });
  assert.ok(!(reply instanceof Error) && typeof reply === 'object' && reply !== null && 'setMonitoringResult' in reply);
  const statuses = reply.setMonitoringResult.map((result) => `${result.status}${result.id === undefined ? '' : ` ${result.id}`}`);
  assert.deepEqual(statuses, ['Accepted 1', 'UnknownComponent', 'UnknownVariable', 'UnsupportedMonitorType']);
  const again = await station.replyTo('SetVariableMonitoring', {
    setMonitoringData: [
      { value: 2, type: 'Delta', severity: 8, component: EVSE, variable: { name: 'AvailabilityState' } },
      { id: 77, value: 2, type: 'Delta', severity: 3, component: EVSE, variable: { name: 'AvailabilityState' } },
    ],
  });
  assert.ok(typeof again === 'object' && again !== null && 'setMonitoringResult' in again);
  assert.deepEqual(
    again.setMonitoringResult.map((result) => result.status),
    ['Duplicate', 'Rejected'],
  );
});

test('ClearVariableMonitoring: hard-wired Rejected, unknown NotFound, custom removed', async () => {
  const station = testStation();
  powerMonitor(station, 'HardWired', 1);
  powerMonitor(station, 'Custom', 2, 5);
  const reply = await station.replyTo('ClearVariableMonitoring', { id: [1, 2, 3] });
  assert.deepEqual(
    (reply as { clearMonitoringResult: Array<{ id: number; status: string }> }).clearMonitoringResult.map((r) => `${r.id} ${r.status}`),
    ['1 Rejected', '2 Accepted', '3 NotFound'],
  );
  assert.deepEqual(
    activeMonitors(station).map((monitor) => monitor.id),
    [1],
  );
});

test('SetMonitoringBase switches pre-configured monitors and HardWiredOnly clears the custom ones', async () => {
  const station = testStation();
  powerMonitor(station, 'HardWired', 1, 1);
  installMonitor(station, {
    id: 2,
    kind: 'Preconfigured',
    factoryDefault: true,
    component: EVSE,
    variable: { name: 'Power' },
    type: 'Delta',
    value: 100,
    severity: 2,
    transaction: false,
  });
  installMonitor(station, {
    id: 3,
    kind: 'Preconfigured',
    factoryDefault: false,
    component: EVSE,
    variable: { name: 'Power' },
    type: 'Delta',
    value: 10,
    severity: 3,
    transaction: false,
  });
  powerMonitor(station, 'Custom', 4, 4);
  await station.replyTo('SetMonitoringBase', { monitoringBase: 'FactoryDefault' });
  assert.deepEqual(
    activeMonitors(station)
      .map((m) => m.id)
      .sort(),
    [1, 2, 4],
  );
  await station.replyTo('SetMonitoringBase', { monitoringBase: 'All' });
  assert.deepEqual(
    activeMonitors(station)
      .map((m) => m.id)
      .sort(),
    [1, 2, 3, 4],
  );
  await station.replyTo('SetMonitoringBase', { monitoringBase: 'HardWiredOnly' });
  assert.deepEqual(
    activeMonitors(station).map((m) => m.id),
    [1],
  );
  assert.equal(station.deviceModel.value('MonitoringCtrlr', 'ActiveMonitoringBase'), 'HardWiredOnly');
});

test('GetMonitoringReport filters by criteria and component/variable and owes the report', async () => {
  const station = testStation();
  powerMonitor(station, 'Preconfigured', 1);
  assert.deepEqual(await station.replyTo('GetMonitoringReport', { requestId: 7, monitoringCriteria: ['DeltaMonitoring'] }), {
    status: 'EmptyResultSet',
  });
  assert.deepEqual(
    await station.replyTo('GetMonitoringReport', {
      requestId: 8,
      componentVariable: [{ component: { name: 'ChargingStation' }, variable: { name: 'Power' } }],
    }),
    { status: 'EmptyResultSet' },
  );
  assert.equal(station.owed.outstanding().length, 0);
  assert.deepEqual(
    await station.replyTo('GetMonitoringReport', {
      requestId: 9,
      componentVariable: [{ component: EVSE }],
      monitoringCriteria: ['ThresholdMonitoring'],
    }),
    { status: 'Accepted' },
  );
  const [part] = station.owed.take('NotifyMonitoringReport').map((owed) => owed.build());
  assert.deepEqual(
    { ...(part as object), generatedAt: 'now' },
    {
      requestId: 9,
      generatedAt: 'now',
      seqNo: 0,
      tbc: false,
      monitor: [
        {
          component: EVSE,
          variable: { name: 'Power' },
          variableMonitoring: [{ id: 1, transaction: false, value: 22000, type: 'UpperThreshold', severity: 2 }],
        },
      ],
    },
  );
});

test('SetMonitoringLevel outside the supported levels is Rejected and the level stays', async () => {
  const station = testStation();
  const definition = station.deviceModel.find({ name: 'MonitoringCtrlr' }, { name: 'ActiveMonitoringLevel' });
  assert.ok(definition);
  definition.minLimit = 5;
  assert.equal(((await station.replyTo('SetMonitoringLevel', { severity: 4 })) as { status: string }).status, 'Rejected');
  assert.equal(((await station.replyTo('SetMonitoringLevel', { severity: 6 })) as { status: string }).status, 'Accepted');
  assert.equal(station.deviceModel.value('MonitoringCtrlr', 'ActiveMonitoringLevel'), '6');
});

test('a threshold crossed and left again: an alert, then the alert cleared; below the level nothing', () => {
  const station = testStation();
  powerMonitor(station, 'HardWired', 1);
  changeVariable(station, EVSE, { name: 'Power' }, '21000');
  assert.equal(owedEvents(station).length, 0);
  changeVariable(station, EVSE, { name: 'Power' }, '23000');
  changeVariable(station, EVSE, { name: 'Power' }, '24000');
  const [alert, ...more] = owedEvents(station);
  assert.equal(more.length, 0);
  assert.equal(alert.eventData[0].trigger, 'Alerting');
  assert.equal(alert.eventData[0].actualValue, '23000');
  assert.equal(alert.eventData[0].variableMonitoringId, 1);
  assert.equal(alert.eventData[0].eventNotificationType, 'HardWiredMonitor');
  changeVariable(station, EVSE, { name: 'Power' }, '7000');
  const [cleared] = owedEvents(station);
  assert.equal(cleared.eventData[0].cleared, true);
  assert.ok(cleared.eventData[0].eventId > alert.eventData[0].eventId);
  station.deviceModel.setValue('MonitoringCtrlr', 'ActiveMonitoringLevel', '1');
  changeVariable(station, EVSE, { name: 'Power' }, '30000');
  assert.equal(owedEvents(station).length, 0);
});

test('customer data: what the station holds of a token, gone after a clear, the local list included', async () => {
  const station = testStation();
  const idToken = { idToken: 'ABC', type: 'ISO14443' as const };
  installLocalList(station, 3, [{ idToken, idTokenInfo: { status: 'Accepted' } }]);
  const transaction = station.transactions.open(1, 1);
  transaction.idToken = idToken;
  transaction.ended = true;
  assert.equal(customerData(station, { idToken }).length, 2);
  assert.deepEqual(await station.replyTo('CustomerInformation', { requestId: 4, report: true, clear: true, idToken }), {
    status: 'Accepted',
  });
  const [part] = station.owed.take('NotifyCustomerInformation').map((owed) => owed.build() as NotifyCustomerInformationRequest);
  assert.match(part.data, /local authorization list/);
  assert.equal(part.tbc, false);
  assert.deepEqual(customerData(station, { idToken }), []);
  assert.equal(station.memory.localList.entries.size, 0);
  assert.deepEqual(await station.replyTo('CustomerInformation', { requestId: 5, report: false, clear: true, idToken }), {
    status: 'Accepted',
  });
  assert.equal(station.owed.outstanding().length, 0);
});

test('GetLog: the log is uploaded to the file service and read back; a second request cancels the first', async () => {
  const service = await LoopbackFileService.start();
  try {
    const station = testStation();
    const clock = new StationClock({ scale: 0.001 });
    const reply = await station.replyTo('GetLog', {
      requestId: 1,
      logType: 'DiagnosticsLog',
      log: { remoteLocation: service.url('/up/') },
    });
    assert.equal((reply as { status: string }).status, 'Accepted');
    const second = await station.replyTo('GetLog', {
      requestId: 2,
      logType: 'SecurityLog',
      log: { remoteLocation: service.url('/up/') },
      retries: 2,
      retryInterval: 1,
    });
    assert.equal((second as { status: string }).status, 'AcceptedCanceled');
    assert.deepEqual(
      station.owed.take('LogStatusNotification').map((owed) => owed.build()),
      [
        { status: 'Uploading', requestId: 1 },
        { status: 'AcceptedCanceled', requestId: 1 },
        { status: 'Uploading', requestId: 2 },
      ],
    );
    service.failNext('/up/', 1, 503);
    const upload = await uploadLog(station, clock);
    assert.deepEqual(upload.attempts, ['HTTP 503', 'HTTP 200']);
    assert.deepEqual(
      station.owed.take('LogStatusNotification').map((owed) => owed.build()),
      [{ status: 'Uploaded', requestId: 2 }],
    );
    const [received] = service.uploads('/up/');
    assert.equal(received.filename, 'CP_1-SecurityLog-2.log');
    assert.match(received.bytes.toString('utf8'), /^# SecurityLog of CP_1 .*\n# requestId 2\n/);
  } finally {
    await service.close();
  }
});

test('GetLog: refused uploads are PermissionDenied; an unsupported protocol is Rejected', async () => {
  const service = await LoopbackFileService.start();
  try {
    const station = testStation();
    await station.replyTo('GetLog', {
      requestId: 3,
      logType: 'DiagnosticsLog',
      log: { remoteLocation: service.url('/locked/') },
      retries: 3,
    });
    station.owed.take().forEach((owed) => owed.build());
    service.refuse('/locked/', 403);
    const upload = await uploadLog(station, new StationClock({ scale: 0.001 }));
    assert.equal(upload.outcome, 'PermissionDenied');
    assert.equal(upload.attempts.length, 1);
    station.deviceModel.setValue('OCPPCommCtrlr', 'FileTransferProtocols', 'FTP');
    const rejected = await station.replyTo('GetLog', {
      requestId: 4,
      logType: 'DiagnosticsLog',
      log: { remoteLocation: service.url('/up/') },
    });
    assert.equal((rejected as { status: string }).status, 'Rejected');
  } finally {
    await service.close();
  }
});
