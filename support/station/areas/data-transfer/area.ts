import type { DataTransferRequest, DataTransferResponse } from '../../../../schemas/ocpp201-messages';
import type { ChargingStation, StationArea } from '../../core/charging-station';
import { VENDOR_EXTENSIONS } from './state';

/** The station implements a vendor's message (a Given of the scenario: its firmware's extensions). */
export function implementVendorMessage(station: ChargingStation, vendorId: string, messageId: string): void {
  const extensions = station.state(VENDOR_EXTENSIONS);
  const messages = extensions.get(vendorId) ?? new Set<string>();
  messages.add(messageId);
  extensions.set(vendorId, messages);
}

/**
 * The station's answer to a CSMS DataTransfer (P01): UnknownVendorId for a vendor whose extension
 * it does not implement, UnknownMessageId for a message that extension lacks, Accepted otherwise.
 */
export function answerDataTransfer(station: ChargingStation, request: DataTransferRequest): DataTransferResponse {
  const messages = station.state(VENDOR_EXTENSIONS).get(request.vendorId);
  if (!messages) return { status: 'UnknownVendorId' };
  if (request.messageId === undefined || !messages.has(request.messageId)) return { status: 'UnknownMessageId' };
  return { status: 'Accepted' };
}

/** Block P: data transfer. */
export const dataTransferArea: StationArea = {
  name: 'data transfer',
  replies: (station) => ({
    DataTransfer: (request) => answerDataTransfer(station, request),
  }),
};
