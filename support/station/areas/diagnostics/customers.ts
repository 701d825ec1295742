/**
 * Customer information (OCPP 2.0.1 N09, N10): what the station really holds about a customer,
 * found by idToken, customerIdentifier or the hash data of the customer's certificate: its
 * Local Authorization List entries, Authorization Cache entries, transactions, and the station's
 * customer register (identifier, certificate). A clear removes all of it but what a running
 * transaction still needs.
 */
import type {
  CertificateHashDataType,
  CustomerInformationRequest,
  CustomerInformationResponse,
  IdTokenType,
  NotifyCustomerInformationRequest,
} from '../../../../schemas/ocpp201-messages';
import * as x509 from '@peculiar/x509';
import { certificateHashData } from '../../../../kernel/tls/certificate-hash';
import type { ChargingStation } from '../../core/charging-station';
import { idTokenKey } from '../authorization/lists';
import { CUSTOMERS, type CustomerRecord } from './state';

/** NotifyCustomerInformationRequest.data holds at most 512 characters (schema). */
export const DATA_PER_PART = 512;

function sameHash(a: CertificateHashDataType, b: CertificateHashDataType): boolean {
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() &&
    a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() &&
    a.serialNumber.toLowerCase().replace(/^0+(?=.)/, '') === b.serialNumber.toLowerCase().replace(/^0+(?=.)/, '')
  );
}

type Reference = Pick<CustomerInformationRequest, 'idToken' | 'customerIdentifier' | 'customerCertificate'>;

/** The customer records and idTokens a request refers to. */
function customerOf(station: ChargingStation, reference: Reference): { records: CustomerRecord[]; tokens: IdTokenType[] } {
  const { records } = station.state(CUSTOMERS);
  const matching = records.filter(
    (record) =>
      (reference.customerIdentifier !== undefined && record.customerIdentifier === reference.customerIdentifier) ||
      (reference.idToken !== undefined &&
        record.idTokens.some((token) => idTokenKey(token) === idTokenKey(reference.idToken as IdTokenType))) ||
      (reference.customerCertificate !== undefined &&
        record.certificate !== undefined &&
        sameHash(
          certificateHashData(record.certificate.pem, record.certificate.issuerPem, reference.customerCertificate.hashAlgorithm),
          reference.customerCertificate,
        )),
  );
  const tokens = new Map<string, IdTokenType>();
  if (reference.idToken) tokens.set(idTokenKey(reference.idToken), reference.idToken);
  for (const record of matching) for (const token of record.idTokens) tokens.set(idTokenKey(token), token);
  return { records: matching, tokens: [...tokens.values()] };
}

/** One line per item the station holds about the customer; none when it holds nothing. */
export function customerData(station: ChargingStation, reference: Reference): string[] {
  const { records, tokens } = customerOf(station, reference);
  const { memory } = station;
  const lines: string[] = [];
  for (const record of records) {
    if (record.customerIdentifier) lines.push(`customer ${record.customerIdentifier}`);
    if (record.certificate) {
      const certificate = new x509.X509Certificate(record.certificate.pem);
      lines.push(`certificate ${certificate.subject} serial ${certificate.serialNumber} issued by ${certificate.issuer}`);
    }
  }
  for (const token of tokens) {
    const key = idTokenKey(token);
    const listed = memory.localList.entries.get(key);
    if (listed)
      lines.push(`idToken ${token.idToken} (${token.type}): local authorization list, ${listed.idTokenInfo?.status ?? 'no status'}`);
    const cached = memory.authorizationCache.get(key);
    if (cached) lines.push(`idToken ${token.idToken} (${token.type}): authorization cache, ${cached.idTokenInfo?.status ?? 'no status'}`);
    for (const transaction of station.transactions
      .all()
      .filter((candidate) => candidate.idToken && idTokenKey(candidate.idToken) === key)) {
      lines.push(
        `idToken ${token.idToken} (${token.type}): transaction ${transaction.id} on EVSE ${transaction.evseId}${transaction.ended ? '' : ' (running)'}`,
      );
    }
  }
  return lines;
}

/** Removes what the station holds about the customer; a running transaction keeps its idToken. */
export function clearCustomer(station: ChargingStation, reference: Reference): void {
  const { records, tokens } = customerOf(station, reference);
  const { memory } = station;
  const state = station.state(CUSTOMERS);
  state.records = state.records.filter((record) => !records.includes(record));
  for (const token of tokens) {
    const key = idTokenKey(token);
    memory.localList.entries.delete(key);
    memory.authorizationCache.delete(key);
    for (const transaction of station.transactions.all()) {
      if (transaction.ended && transaction.idToken && idTokenKey(transaction.idToken) === key) transaction.idToken = undefined;
    }
  }
  station.deviceModel.setValue('LocalAuthListCtrlr', 'Entries', String(memory.localList.entries.size));
}

/** The NotifyCustomerInformationRequests carrying `lines` for `requestId`: one empty part when there is nothing. */
export function notifyCustomerInformationRequests(
  requestId: number,
  lines: readonly string[],
  generatedAt: string,
): NotifyCustomerInformationRequest[] {
  const parts: string[] = [];
  let part = '';
  for (const line of lines.flatMap((text) => text.match(new RegExp(`.{1,${DATA_PER_PART - 1}}`, 'g')) ?? [''])) {
    const next = part === '' ? line : `${part}\n${line}`;
    if (next.length > DATA_PER_PART) {
      parts.push(part);
      part = line;
    } else part = next;
  }
  parts.push(part);
  return parts.map((data, seqNo) => ({ requestId, generatedAt, seqNo, tbc: seqNo < parts.length - 1, data }));
}

/** The answer to a CustomerInformationRequest: the data is gathered at once (before a clear), the parts are owed. */
export function answerCustomerInformation(station: ChargingStation, request: CustomerInformationRequest): CustomerInformationResponse {
  if (station.state(CUSTOMERS).refusesRemoteRequests) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'PrivacyPolicy', additionalInfo: 'customer data is only handed out on site' } };
  }
  const referenced = request.idToken !== undefined || request.customerIdentifier !== undefined || request.customerCertificate !== undefined;
  if (!referenced || (!request.report && !request.clear)) {
    return { status: 'Invalid', statusInfo: { reasonCode: referenced ? 'NothingToDo' : 'NoCustomer' } };
  }
  const lines = request.report ? customerData(station, request) : [];
  if (request.clear) clearCustomer(station, request);
  if (request.report) {
    const generatedAt = new Date().toISOString();
    for (const part of notifyCustomerInformationRequests(request.requestId, lines, generatedAt)) {
      station.owed.owe('NotifyCustomerInformation', () => part, `CustomerInformation ${request.requestId}: ${lines.length} item(s) found`);
    }
  }
  return { status: 'Accepted' };
}
