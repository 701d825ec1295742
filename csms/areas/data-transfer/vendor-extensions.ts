/**
 * The vendor extensions the reference CSMS implements (P02): its own vendorId with the messages it
 * knows. A DataTransfer for another vendor is UnknownVendorId, for a message of its vendor it does
 * not know UnknownMessageId (P02.FR.06, P02.FR.07); a known message decides Accepted or Rejected
 * from its data. Nothing here knows the ids a test sends: CONFIGURED_VENDOR_ID /
 * CONFIGURED_MESSAGE_ID name what the CSMS under test does not know.
 */
import type { DataTransferRequest, DataTransferResponse } from '../../../schemas/ocpp201-messages';

/** The reference CSMS's own vendorId (reverse domain name, as DataTransfer asks). */
export const CSMS_VENDOR_ID = 'org.ocpp-conformance-suite.reference-csms';

type VendorMessage = (data: DataTransferRequest['data'], now: Date) => DataTransferResponse;

const MESSAGES: Readonly<Record<string, VendorMessage>> = {
  /** Returns the data it was given: a station checks its DataTransfer path end to end. */
  Echo: (data) =>
    data === undefined
      ? { status: 'Rejected', statusInfo: { reasonCode: 'MissingData', additionalInfo: 'Echo needs data to return' } }
      : { status: 'Accepted', data },
  /** The CSMS's clock, ISO 8601 UTC. */
  CurrentTime: (_data, now) => ({ status: 'Accepted', data: { currentTime: now.toISOString() } }),
};

export const VENDOR_EXTENSIONS: Readonly<Record<string, Readonly<Record<string, VendorMessage>>>> = {
  [CSMS_VENDOR_ID]: MESSAGES,
};

/** The answer to a DataTransferRequest from a station. */
export function answerDataTransfer(request: DataTransferRequest, now: Date = new Date()): DataTransferResponse {
  const messages = VENDOR_EXTENSIONS[request.vendorId];
  if (!messages) return { status: 'UnknownVendorId' };
  const message = request.messageId === undefined ? undefined : messages[request.messageId];
  if (!message) return { status: 'UnknownMessageId' };
  return message(request.data, now);
}
