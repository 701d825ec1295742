import type { StationArea } from '../../core/charging-station';
import { FirmwarePublish, unpublish } from './firmware-publish';
import { answerUpdateFirmware } from './firmware-update';
import { FIRMWARE } from './state';

/**
 * Block L: firmware updates (L01, L02) and, as a Local Controller, publishing firmware (L03, L04).
 * The answers follow from the station's state (its manufacturer trust, an update in progress, a
 * publication); what the station sends afterwards goes out as its processes run (see journal.ts).
 */
export const firmwareArea: StationArea = {
  name: 'firmware',
  install: (station) => {
    station.deviceModel.define({
      component: { name: 'ChargingStation' },
      variable: { name: 'AllowNewSessionsPendingFirmwareUpdate' },
      dataType: 'boolean',
      attributes: { Actual: { value: 'false', mutability: 'ReadWrite' } },
    });
    station.onTransactionEnded(() => station.peekState(FIRMWARE)?.update?.transactionEnded());
  },
  replies: (station) => ({
    UpdateFirmware: (request) => answerUpdateFirmware(station, station.state(FIRMWARE), request),
    PublishFirmware: (request) => {
      const state = station.state(FIRMWARE);
      // One publication at a time: a Local Controller finishes downloading before it takes another.
      if (state.publish?.running) return { status: 'Rejected', statusInfo: { reasonCode: 'PublishInProgress' } };
      const publish = new FirmwarePublish(station, state, request);
      state.publish = publish;
      station.clock.at(station.clock.now(), async () => void (await publish.run()));
      return { status: 'Accepted' };
    },
    UnpublishFirmware: ({ checksum }) => unpublish(station.state(FIRMWARE), checksum),
  }),
};
