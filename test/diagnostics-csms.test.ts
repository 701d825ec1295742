import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requests, responses } from '../csms/areas/diagnostics/requests';
import { DIAGNOSTICS } from '../csms/areas/diagnostics/state';
import { CsmsStore } from '../csms/store';
import type { BuilderContext } from '../csms/operator/builder-context';
import { testConfig } from './helpers/reference-csms';

function contextFor(store: CsmsStore): BuilderContext {
  const station = store.station('CP_1');
  assert.ok(station);
  return { store, config: testConfig(), station, session: undefined, pki: undefined as never, endpoints: { ws: '', wss: '' } };
}

test('ClearVariableMonitoring is split by the ItemsPerMessage the CSMS read from the station', async () => {
  const store = new CsmsStore(testConfig());
  const context = contextFor(store);
  const clear = requests.ClearVariableMonitoring;
  assert.ok(clear);
  assert.deepEqual(await clear({ id: [1, 2, 3, 4] }, context), [{ id: [1, 2, 3, 4] }]);
  responses.GetVariables?.(
    { getVariableData: [] },
    {
      getVariableResult: [
        {
          attributeStatus: 'Accepted',
          attributeValue: '3',
          component: { name: 'MonitoringCtrlr' },
          variable: { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' },
        },
      ],
    },
    context,
  );
  assert.deepEqual(await clear({ id: [1, 2, 3, 4] }, context), [{ id: [1, 2, 3] }, { id: [4] }]);
});

test('the CSMS keeps the monitors the station accepted and forgets the cleared ones', () => {
  const store = new CsmsStore(testConfig());
  const context = contextFor(store);
  const data = {
    value: 1,
    type: 'Delta' as const,
    severity: 8,
    component: { name: 'EVSE', evse: { id: 1 } },
    variable: { name: 'AvailabilityState' },
  };
  responses.SetVariableMonitoring?.(
    { setMonitoringData: [data, data] },
    {
      setMonitoringResult: [
        { ...data, id: 5, status: 'Accepted' },
        { ...data, status: 'Duplicate' },
      ],
    },
    context,
  );
  const { monitors } = context.station.areaState.of(DIAGNOSTICS);
  assert.deepEqual([...monitors.keys()], [5]);
  responses.ClearVariableMonitoring?.({ id: [5] }, { clearMonitoringResult: [{ id: 5, status: 'Accepted' }] }, context);
  assert.equal(monitors.size, 0);
  store.reset();
  assert.notEqual(store.station('CP_1')?.areaState.of(DIAGNOSTICS), context.station.areaState.of(DIAGNOSTICS));
});

test('GetLog goes where the operator says and is remembered with its requestId', async () => {
  const store = new CsmsStore(testConfig());
  const context = contextFor(store);
  const getLog = requests.GetLog;
  assert.ok(getLog);
  const built = await getLog({ logType: 'SecurityLog', log: { remoteLocation: 'http://127.0.0.1:1/x/' } }, context);
  assert.ok(!Array.isArray(built));
  assert.equal(built.log.remoteLocation, 'http://127.0.0.1:1/x/');
  assert.deepEqual(context.station.areaState.of(DIAGNOSTICS).logs.get(built.requestId), {
    logType: 'SecurityLog',
    remoteLocation: 'http://127.0.0.1:1/x/',
    statuses: [],
  });
});
