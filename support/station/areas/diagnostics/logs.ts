/**
 * Log uploads (OCPP 2.0.1 N01): the station accepts a GetLogRequest when it can reach the location
 * over a protocol it supports, cancels a running upload for a new one (AcceptedCanceled), reports
 * Uploading, sends the log file to the remote location with the request's retries and
 * retryInterval on the station clock, and reports how it went. The outcome follows from the HTTP
 * answers: 2xx Uploaded, 401/403 PermissionDenied, 400 BadMessage, 405 NotSupportedOperation,
 * anything else (5xx, no connection) UploadFailure once the retries are spent.
 */
import type {
  GetLogRequest,
  GetLogResponse,
  LogStatusNotificationRequest,
  UploadLogStatusEnumType,
} from '../../../../schemas/ocpp201-messages';
import type { StationClock } from '../../../../kernel/time/station-clock';
import type { ChargingStation } from '../../core/charging-station';
import { LOGS, type LogUpload } from './state';

/** How long one upload attempt may take before it counts as failed. */
export const UPLOAD_ATTEMPT_TIMEOUT_MS = 10_000;

function schemeOf(remoteLocation: string): string | undefined {
  try {
    return new URL(remoteLocation).protocol.replace(/:$/, '').toUpperCase();
  } catch {
    return undefined;
  }
}

function statusNotification(upload: LogUpload, status: UploadLogStatusEnumType): LogStatusNotificationRequest {
  return { status, requestId: upload.requestId };
}

/** The answer to a GetLogRequest, and what the station then owes. */
export function acceptGetLog(station: ChargingStation, request: GetLogRequest): GetLogResponse {
  const scheme = schemeOf(request.log.remoteLocation);
  const protocols = (station.deviceModel.value('OCPPCommCtrlr', 'FileTransferProtocols') ?? '').split(',').filter(Boolean);
  if (!scheme || !protocols.includes(scheme)) {
    return {
      status: 'Rejected',
      statusInfo: {
        reasonCode: 'UnsupportedProtocol',
        additionalInfo: `${scheme ?? 'no URL'}; the station transfers files over ${protocols.join(', ') || 'nothing'}`,
      },
    };
  }
  const logs = station.state(LOGS);
  const running = logs.current && (logs.current.phase === 'accepted' || logs.current.phase === 'uploading') ? logs.current : undefined;
  if (running) {
    running.phase = 'canceled';
    running.outcome = 'AcceptedCanceled';
    station.owed.owe(
      'LogStatusNotification',
      () => statusNotification(running, 'AcceptedCanceled'),
      `log upload ${running.requestId} canceled by GetLog ${request.requestId}`,
    );
  }
  const upload: LogUpload = {
    requestId: request.requestId,
    logType: request.logType,
    remoteLocation: request.log.remoteLocation,
    filename: `${station.id}-${request.logType}-${request.requestId}.log`,
    retries: request.retries ?? 0,
    retryInterval: request.retryInterval ?? 0,
    oldestTimestamp: request.log.oldestTimestamp,
    latestTimestamp: request.log.latestTimestamp,
    phase: 'accepted',
    attempts: [],
  };
  logs.current = upload;
  logs.history.push(upload);
  station.owed.owe(
    'LogStatusNotification',
    () => {
      if (upload.phase === 'accepted') upload.phase = 'uploading';
      return statusNotification(upload, 'Uploading');
    },
    `GetLog ${request.requestId} accepted: the upload starts`,
  );
  return { status: running ? 'AcceptedCanceled' : 'Accepted', filename: upload.filename };
}

function within(at: string, upload: LogUpload): boolean {
  return (!upload.oldestTimestamp || at >= upload.oldestTimestamp) && (!upload.latestTimestamp || at <= upload.latestTimestamp);
}

/** The log file: a diagnostics log lists the messages the station exchanged, a security log its security events. */
export function logFile(station: ChargingStation, upload: LogUpload): string {
  const header = [
    `# ${upload.logType} of ${station.id} (${station.hardware.vendorName} ${station.hardware.model})`,
    `# requestId ${upload.requestId}`,
  ];
  const lines: string[] = [];
  if (upload.logType === 'DiagnosticsLog') {
    for (const call of station.received()) {
      const at = call.receivedAt.toISOString();
      if (within(at, upload)) lines.push(`${at} received ${call.action}Request`);
    }
    for (const exchange of station.exchanges)
      lines.push(`sent ${exchange.action}Request${exchange.failure ? ` (failed: ${exchange.failure.message})` : ''}`);
  } else {
    lines.push(`connected with security profile ${station.currentSecurityProfile}`);
    for (const exchange of station.exchanges.filter((candidate) => candidate.action === 'SecurityEventNotification')) {
      const { type, timestamp } = exchange.request as { type: string; timestamp: string };
      if (within(timestamp, upload)) lines.push(`${timestamp} ${type}`);
    }
  }
  return [...header, ...lines, ''].join('\n');
}

async function attempt(upload: LogUpload, body: string): Promise<number | string> {
  const form = new FormData();
  form.append('uploadFile', new Blob([body], { type: 'text/plain' }), upload.filename);
  try {
    const response = await fetch(upload.remoteLocation, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(UPLOAD_ATTEMPT_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return (error as Error).message;
  }
}

function outcomeOf(answer: number | string): UploadLogStatusEnumType | 'retry' {
  if (typeof answer === 'string') return 'retry';
  if (answer >= 200 && answer < 300) return 'Uploaded';
  if (answer === 401 || answer === 403) return 'PermissionDenied';
  if (answer === 400) return 'BadMessage';
  if (answer === 405) return 'NotSupportedOperation';
  return 'retry';
}

/**
 * Uploads the log of the running request (its Uploading must have been reported), retrying on the
 * station clock, and owes the LogStatusNotification with the outcome.
 */
export async function uploadLog(station: ChargingStation, clock: StationClock): Promise<LogUpload> {
  const upload = station.state(LOGS).current;
  if (!upload || upload.phase !== 'uploading') {
    throw new Error(
      `the charging station has no log upload under way (${upload ? `request ${upload.requestId} is ${upload.phase}` : 'none was asked for'})`,
    );
  }
  const body = logFile(station, upload);
  let outcome: UploadLogStatusEnumType = 'UploadFailure';
  for (let round = 0; round <= upload.retries; round += 1) {
    if (round > 0) await clock.sleep(upload.retryInterval);
    const answer = await attempt(upload, body);
    upload.attempts.push(typeof answer === 'number' ? `HTTP ${answer}` : answer);
    const verdict = outcomeOf(answer);
    if (verdict !== 'retry') {
      outcome = verdict;
      break;
    }
  }
  upload.phase = 'finished';
  upload.outcome = outcome;
  station.note(`log upload ${upload.requestId} to ${upload.remoteLocation}: ${upload.attempts.join(', ')} -> ${outcome}`);
  station.owed.owe(
    'LogStatusNotification',
    () => statusNotification(upload, outcome),
    `log upload ${upload.requestId}: ${upload.attempts.join(', ')}`,
  );
  return upload;
}
