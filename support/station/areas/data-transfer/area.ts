import type { StationArea } from '../../core/charging-station';

/** Block P: data transfer. The station knows no vendor extension. */
export const dataTransferArea: StationArea = {
  name: 'data transfer',
  replies: () => ({
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
  }),
};
