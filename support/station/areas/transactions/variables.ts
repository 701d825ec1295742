import type { DeviceModel } from '../../core/device-model';

/**
 * Variables the station's transaction model reads that the common device model does not define:
 * SampledDataCtrlr.SignReadings (E01.FR.04: with TxStartPoint DataSigned the readings are signed).
 */
export function defineTransactionVariables(deviceModel: DeviceModel): void {
  if (deviceModel.find({ name: 'SampledDataCtrlr' }, { name: 'SignReadings' })) return;
  deviceModel.define({
    component: { name: 'SampledDataCtrlr' },
    variable: { name: 'SignReadings' },
    dataType: 'boolean',
    attributes: { Actual: { value: 'false', mutability: 'ReadWrite' } },
    supportsMonitoring: false,
  });
}
