import type { ChargingStation, StationArea } from '../../core/charging-station';
import type { DeviceModel } from '../../core/device-model';
import { FISCAL_METER_MONITOR } from './state';

/** A monitor of type PeriodicClockAligned on FiscalMetering.MeterValue, as a CSMS sets one (N04): its events are CustomMonitor ones. */
export function monitorFiscalMeter(station: ChargingStation, monitorId: number): void {
  station.state(FISCAL_METER_MONITOR).monitor = { id: monitorId };
}

/** AlignedDataCtrlr.SignReadings, which the common device model lacks: clock-aligned readings are signed (J01.FR.21). */
function defineMeterValueVariables(deviceModel: DeviceModel): void {
  if (deviceModel.find({ name: 'AlignedDataCtrlr' }, { name: 'SignReadings' })) return;
  deviceModel.define({
    component: { name: 'AlignedDataCtrlr' },
    variable: { name: 'SignReadings' },
    dataType: 'boolean',
    attributes: { Actual: { value: 'false', mutability: 'ReadWrite' } },
    supportsMonitoring: false,
  });
}

/**
 * Block J: the station's meter values. It answers no CSMS request of its own (TriggerMessage for
 * MeterValues belongs to remote control); it reads the EVSE meters as SampledDataCtrlr and
 * AlignedDataCtrlr say (readings.ts) on the station clock (sampling.ts, tx-ended.ts).
 */
export const meterValuesArea: StationArea = {
  name: 'meter values',
  install: (station) => defineMeterValueVariables(station.deviceModel),
  replies: () => ({}),
};
