import type { StationArea } from '../../core/charging-station';

/** Block L: firmware updates and publishing. */
export const firmwareArea: StationArea = {
  name: 'firmware',
  replies: () => ({
    PublishFirmware: () => ({ status: 'Accepted' }),
    UnpublishFirmware: () => ({ status: 'NoFirmware' }),
    UpdateFirmware: () => ({ status: 'Accepted' }),
  }),
};
