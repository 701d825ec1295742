/**
 * Connection attempts of block A and what the CSMS made of them: accepted (101), refused at the
 * HTTP upgrade, refused in the TLS handshake, or reset. A refusal only counts when the attempt
 * reached the CSMS: a client that never sent its ClientHello proves nothing about the CSMS.
 */
import type WebSocket from 'ws';
import type { ChargingStation, ConnectAttempt, SecurityProfile } from '../../core/charging-station';
import { type ClientCertificate, type NetworkState, baseUrlFor, tlsFor } from './network';
import {
  ConnectionRefusedError,
  type TlsSettings,
  onTlsHandshake,
  openStationSocket,
  stationUrl,
  tlsHandshakeOf,
} from '../../core/transport';
import type { TlsHandshake } from '../../../../kernel/tls/handshake-facts';
import { openSslCipherName } from '../../../../kernel/tls/cipher-suites';

/** One attempt, as a scenario describes it; anything left out is the station's own setting. */
export interface AttemptSpec {
  securityProfile?: SecurityProfile;
  username?: string;
  password?: string;
  omitAuthorization?: boolean;
  /** null: present no client certificate. */
  clientCertificate?: ClientCertificate | null;
  /** TLS version limits, cipher list, server verification. */
  tls?: Pick<TlsSettings, 'minVersion' | 'maxVersion' | 'ciphers' | 'verifyServer'>;
  subprotocols?: string[];
}

export interface AttemptOutcome {
  /** What was attempted, for failure messages. */
  description: string;
  /** station: the station's own connection; probe: a second connection next to the open one. */
  via: 'station' | 'probe';
  handshake?: TlsHandshake;
  refusal?: ConnectionRefusedError;
  /** The probe's socket, when the CSMS accepted it. */
  probe?: WebSocket;
}

/** How long a WebSocket the CSMS accepted must stay open to count as accepted (the OCTT's 0.5 s). */
export const STILL_OPEN_AFTER_MS = 500;

function describe(station: ChargingStation, url: string, profile: SecurityProfile, attempt: ConnectAttempt, spec: AttemptSpec): string {
  const auth = attempt.omitAuthorization ? 'no Authorization header' : `Basic auth as ${attempt.username ?? station.id}`;
  const certificate = attempt.tls?.cert ? 'a client certificate' : 'no client certificate';
  const tls = spec.tls?.maxVersion ? `, TLS at most ${spec.tls.maxVersion}` : '';
  return `${url} (security profile ${profile}, ${auth}${profile > 1 ? `, ${certificate}${tls}` : ''})`;
}

/** The ConnectAttempt for a spec, on top of the station's current network state. */
export function connectAttemptFor(station: ChargingStation, state: NetworkState, spec: AttemptSpec): ConnectAttempt {
  const profile = spec.securityProfile ?? state.securityProfile;
  const tls = tlsFor(state, profile, spec.clientCertificate);
  const omitAuthorization = spec.omitAuthorization ?? (profile === 3 && spec.password === undefined);
  return {
    securityProfile: profile,
    baseUrl: baseUrlFor(state, profile),
    ...(tls ? { tls: { ...tls, ...spec.tls } } : {}),
    ...(omitAuthorization
      ? { omitAuthorization: true }
      : { username: spec.username ?? station.id, password: spec.password ?? station.currentPassword }),
    ...(spec.subprotocols ? { subprotocols: spec.subprotocols } : {}),
  };
}

/**
 * Makes the attempt: as the station's own connection when it is not connected, else as a second
 * connection next to the open one (the OCTT's extra connection). Never throws for a refusal.
 */
export async function attemptConnection(
  station: ChargingStation,
  state: NetworkState,
  spec: AttemptSpec,
  handshakeTimeoutMs: number,
): Promise<AttemptOutcome> {
  const attempt = connectAttemptFor(station, state, spec);
  const profile = attempt.securityProfile ?? state.securityProfile;
  const baseUrl = attempt.baseUrl ?? state.baseUrl;
  const description = describe(station, stationUrl(baseUrl, station.id), profile, attempt, spec);
  let handshake: TlsHandshake | undefined;
  const stopListening = onTlsHandshake((completed) => {
    if (completed.stationId === station.id) handshake = completed;
  });
  try {
    if (!station.isConnected) {
      const result = await station.tryConnect(attempt);
      return result.connected
        ? { description, via: 'station', handshake }
        : { description, via: 'station', handshake: handshake ?? result.refusal.details.handshake, refusal: result.refusal };
    }
    try {
      const probe = await openStationSocket({
        baseUrl,
        stationId: station.id,
        basicAuth: attempt.omitAuthorization ? undefined : { username: attempt.username ?? station.id, password: attempt.password ?? '' },
        tls: attempt.tls,
        subprotocols: attempt.subprotocols,
        handshakeTimeoutMs,
      });
      station.note(`a second connection to ${description} was accepted`);
      return { description, via: 'probe', handshake: tlsHandshakeOf(probe) ?? handshake, probe };
    } catch (error) {
      if (!(error instanceof ConnectionRefusedError)) throw error;
      station.note(`a second connection to ${description} was refused: ${error.message}`);
      return { description, via: 'probe', handshake: handshake ?? error.details.handshake, refusal: error };
    }
  } finally {
    stopListening();
  }
}

/** Closes what an attempt left open, if it was a probe. */
export async function closeProbe(outcome: AttemptOutcome): Promise<void> {
  const probe = outcome.probe;
  if (!probe || probe.readyState === probe.CLOSED) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      probe.terminate();
      resolve();
    }, 1000);
    probe.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    probe.close(1000, 'probe finished');
  });
}

function refusedOrThrow(outcome: AttemptOutcome, expected: string): ConnectionRefusedError {
  if (!outcome.refusal) {
    throw new Error(`expected the CSMS to ${expected}, but it accepted the WebSocket upgrade of ${outcome.description}`);
  }
  return outcome.refusal;
}

/** The refusal came from the CSMS: an HTTP answer, or bytes went both ways before the TLS/TCP connection failed. */
export function reachedCsms(refusal: ConnectionRefusedError): boolean {
  if (refusal.kind === 'http' || refusal.kind === 'subprotocol') return true;
  const wire = refusal.details.wire;
  return wire !== undefined && wire.sent > 0 && (wire.received > 0 || refusal.details.code === 'ECONNRESET');
}

function unreachable(outcome: AttemptOutcome, refusal: ConnectionRefusedError): Error {
  const wire = refusal.details.wire;
  return new Error(
    `the attempt ${outcome.description} did not reach the CSMS (${refusal.message}; ${wire?.sent ?? 0} bytes sent, ` +
      `${wire?.received ?? 0} received), so it says nothing about the CSMS`,
  );
}

export function expectAccepted(outcome: AttemptOutcome): void {
  if (outcome.refusal) {
    throw new Error(`expected the CSMS to accept the WebSocket upgrade of ${outcome.description}, but ${outcome.refusal.message}`);
  }
}

/** Refused at the HTTP upgrade with exactly this status (A00.FR.204: 401 for wrong credentials). */
export function expectHttpRefusal(outcome: AttemptOutcome, status: number): void {
  const refusal = refusedOrThrow(outcome, `refuse the upgrade with HTTP ${status}`);
  if (refusal.kind !== 'http') {
    if (!reachedCsms(refusal)) throw unreachable(outcome, refusal);
    throw new Error(`expected the CSMS to refuse the upgrade of ${outcome.description} with HTTP ${status}, but ${refusal.message}`);
  }
  if (refusal.statusCode !== status) {
    throw new Error(
      `expected the CSMS to refuse the upgrade of ${outcome.description} with HTTP ${status}, but it answered HTTP ${refusal.statusCode}`,
    );
  }
}

/** The TLS handshake failed at the CSMS: no handshake completed, no HTTP exchange, and the ClientHello did reach it. */
export function expectTlsAbort(outcome: AttemptOutcome): void {
  const refusal = refusedOrThrow(outcome, 'abort the TLS handshake');
  if (!reachedCsms(refusal)) throw unreachable(outcome, refusal);
  if (refusal.kind === 'http') {
    throw new Error(`expected the CSMS to abort the TLS handshake of ${outcome.description}, but it completed it and ${refusal.message}`);
  }
  if (outcome.handshake) {
    throw new Error(
      `expected the CSMS to abort the TLS handshake of ${outcome.description}, but it completed it with ${outcome.handshake.protocol} ` +
        `(${outcome.handshake.cipher.standardName}) before the connection failed: ${refusal.message}`,
    );
  }
}

/**
 * No usable WebSocket: a refusal in any form that came from the CSMS (HTTP error status, TLS alert,
 * reset), or an upgrade the CSMS itself closes within STILL_OPEN_AFTER_MS.
 */
export async function expectNoUsableConnection(station: ChargingStation, outcome: AttemptOutcome): Promise<void> {
  if (outcome.refusal) {
    if (!reachedCsms(outcome.refusal)) throw unreachable(outcome, outcome.refusal);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, STILL_OPEN_AFTER_MS));
  const open = outcome.probe ? outcome.probe.readyState === outcome.probe.OPEN : station.isConnected;
  if (!open) {
    station.note(`the CSMS closed the accepted connection of ${outcome.description} within ${STILL_OPEN_AFTER_MS} ms`);
    return;
  }
  if (outcome.probe) await closeProbe(outcome);
  else await station.disconnect(1000, 'refusal check');
  throw new Error(
    `expected the CSMS to refuse ${outcome.description}, but it accepted the WebSocket upgrade and kept the connection open for ${STILL_OPEN_AFTER_MS} ms`,
  );
}

export interface CipherProbe {
  suite: string;
  accepted: boolean;
  negotiated?: string;
  protocol?: string | null;
  problem?: string;
}

/**
 * One short-lived connection per suite, pinned to TLS 1.2 and offering only that suite, each
 * completing TLS and the WebSocket upgrade before it is closed again.
 */
export async function probeCipherSuites(
  station: ChargingStation,
  state: NetworkState,
  spec: AttemptSpec,
  suites: readonly string[],
  handshakeTimeoutMs: number,
): Promise<CipherProbe[]> {
  const results: CipherProbe[] = [];
  for (const suite of suites) {
    const attempt = connectAttemptFor(station, state, spec);
    const tls: TlsSettings = { ...attempt.tls, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: openSslCipherName(suite) };
    try {
      const socket = await openStationSocket({
        baseUrl: attempt.baseUrl ?? state.baseUrl,
        stationId: station.id,
        basicAuth: attempt.omitAuthorization ? undefined : { username: attempt.username ?? station.id, password: attempt.password ?? '' },
        tls,
        handshakeTimeoutMs,
      });
      const handshake = tlsHandshakeOf(socket);
      await closeProbe({ description: suite, via: 'probe', probe: socket });
      results.push({ suite, accepted: true, negotiated: handshake?.cipher.standardName, protocol: handshake?.protocol ?? null });
      station.note(
        `cipher suite probe ${suite}: TLS and WebSocket upgrade completed (${handshake?.protocol}, ${handshake?.cipher.standardName})`,
      );
    } catch (error) {
      if (!(error instanceof ConnectionRefusedError)) throw error;
      results.push({ suite, accepted: false, problem: error.message });
      station.note(`cipher suite probe ${suite}: ${error.message}`);
    }
  }
  return results;
}

/** Every probed suite completed TLS 1.2 with exactly that suite and the upgrade. */
export function expectAllSuitesSupported(results: readonly CipherProbe[]): void {
  const failures = results.flatMap((result) => {
    if (!result.accepted) return [`${result.suite}: ${result.problem}`];
    if (result.protocol !== 'TLSv1.2') return [`${result.suite}: negotiated ${result.protocol}, not TLSv1.2`];
    if (result.negotiated !== result.suite) return [`${result.suite}: the CSMS negotiated ${result.negotiated}`];
    return [];
  });
  if (results.length === 0) throw new Error('no cipher suite was probed');
  if (failures.length > 0) throw new Error(`the CSMS does not support every required cipher suite:\n${failures.join('\n')}`);
}
