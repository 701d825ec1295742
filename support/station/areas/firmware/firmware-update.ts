/**
 * A firmware update as a real station runs it (L01 secure, L02 without signature): the signing
 * certificate is checked before the station answers; then, on the station clock, it waits for
 * retrieveDateTime, downloads the image from firmware.location with the request's retries and
 * retryInterval, checks the signature over the downloaded bytes, waits for installDateTime and for
 * the running transactions to end, installs, reboots and boots with reason FirmwareUpdate. Every
 * FirmwareStatusNotification carries the request's requestId and goes out as the process reaches
 * its state; a later UpdateFirmwareRequest cancels it (AcceptedCanceled) unless the station cannot.
 */
import type {
  FirmwareStatusEnumType,
  FirmwareType,
  UpdateFirmwareRequest,
  UpdateFirmwareResponse,
} from '../../../../schemas/ocpp201-messages';
import { type CertificateVerdict, verifyFirmware, verifySigningCertificate } from '../../../../kernel/firmware/firmware-signing';
import { ClockCancelledError } from '../../../../kernel/time/station-clock';
import type { ChargingStation, Exchange } from '../../core/charging-station';
import { DownloadFailed, download, retryPolicy } from './download';
import type { FirmwareState } from './state';

const CANCELLED = 'the firmware update was cancelled';

/** The certificate checks the station makes before it answers (L01.FR.02, L01.FR.03 and the revoked case). */
export function checkSigningCertificate(state: FirmwareState, firmware: FirmwareType, now: Date): CertificateVerdict {
  // Without a signing certificate the request is a non-secure update (L02): nothing to check here.
  if (firmware.signingCertificate === undefined) return { ok: true };
  return verifySigningCertificate({
    signingCertificatePem: firmware.signingCertificate,
    manufacturerRootPem: state.trust?.roots ?? [],
    revokedSerials: state.trust?.revokedSerials ?? [],
    now,
  });
}

export class FirmwareUpdate {
  private readonly abort = new AbortController();
  private finished = false;
  /** The connectors were made Unavailable while the update waited for transactions. */
  private blockedSessions = false;
  private readonly transactionsEnded: Array<() => void> = [];

  constructor(
    private readonly station: ChargingStation,
    private readonly state: FirmwareState,
    readonly request: UpdateFirmwareRequest,
  ) {}

  get running(): boolean {
    return !this.finished;
  }

  /** Starts once the answer is on its way (the next turn of the clock). */
  start(): void {
    this.station.clock.at(this.station.clock.now(), () => this.run());
  }

  /** A newer request replaces this one: nothing more of it is sent. */
  cancel(): void {
    this.finished = true;
    this.abort.abort(new Error(CANCELLED));
  }

  /** A transaction ended: the update may go on when it was the last. */
  transactionEnded(): void {
    if (this.station.transactions.active().length > 0) return;
    for (const resume of this.transactionsEnded.splice(0)) resume();
  }

  private async run(): Promise<void> {
    try {
      await this.proceed();
    } catch (error) {
      if (this.abort.signal.aborted || error instanceof ClockCancelledError) return;
      throw error;
    } finally {
      this.finished = true;
    }
  }

  private async proceed(): Promise<void> {
    const { firmware } = this.request;
    const { clock } = this.station;
    const retrieveAt = new Date(firmware.retrieveDateTime);
    const transactionRunning = this.station.transactions.active().length > 0;
    if (retrieveAt > clock.now() || transactionRunning) {
      // A station that must not install while a transaction runs postpones the download as well.
      await this.notify('DownloadScheduled');
      if (retrieveAt > clock.now()) await this.until(retrieveAt);
      await this.afterTransactions();
    }
    await this.notify('Downloading');
    let image: Buffer;
    try {
      image = await download(firmware.location, retryPolicy(this.request.retries, this.request.retryInterval), clock, this.abort.signal);
    } catch (error) {
      if (!(error instanceof DownloadFailed)) throw error;
      this.station.note(error.message);
      await this.notify('DownloadFailed');
      return;
    }
    await this.notify('Downloaded');
    if (firmware.signingCertificate !== undefined || firmware.signature !== undefined) {
      const verdict = verifyFirmware({
        image,
        signatureBase64: firmware.signature ?? '',
        signingCertificatePem: firmware.signingCertificate ?? '',
        manufacturerRootPem: this.state.trust?.roots ?? [],
        revokedSerials: this.state.trust?.revokedSerials ?? [],
        now: clock.now(),
      });
      if (!verdict.ok) {
        this.station.note(`firmware signature refused: ${verdict.detail}`);
        await this.notify('InvalidSignature');
        await this.state.journal.send(this.station, 'SecurityEventNotification', {
          type: 'InvalidFirmwareSignature',
          timestamp: clock.now().toISOString(),
          techInfo: verdict.detail.slice(0, 255),
        });
        return;
      }
      await this.notify('SignatureVerified');
    }
    if (firmware.installDateTime !== undefined && new Date(firmware.installDateTime) > clock.now()) {
      await this.notify('InstallScheduled');
      await this.until(new Date(firmware.installDateTime));
    }
    await this.afterTransactions();
    await this.notify('Installing');
    if (this.state.installOutcome === 'fails verification') {
      await this.notify('InstallVerificationFailed');
      return;
    }
    await this.notify('InstallRebooting');
    await this.reboot();
    if (this.state.installOutcome === 'fails installation') {
      await this.notify('InstallationFailed');
      return;
    }
    this.state.installedImage = firmware.location;
    await this.notify('Installed');
  }

  /**
   * L01: the station installs only once no transaction runs. Meanwhile, unless
   * ChargingStation.AllowNewSessionsPendingFirmwareUpdate is true, no new session may start: the
   * connectors go Unavailable, each when its transaction has ended (the availability model's
   * Scheduled change), and back to Available after the reboot.
   */
  private async afterTransactions(): Promise<void> {
    const { station } = this;
    if (station.transactions.active().length === 0) return;
    const busyEvses = station.transactions.active().map((transaction) => transaction.evseId);
    const blockNewSessions = station.deviceModel.value('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate') !== 'true';
    if (blockNewSessions) {
      this.blockedSessions = true;
      const { changed } = station.availability.request({}, 'Inoperative');
      for (const change of changed)
        await this.journaled(() => station.reportConnectorStatus(change.evseId, change.connectorId, change.status));
    }
    await new Promise<void>((resolve, reject) => {
      this.transactionsEnded.push(resolve);
      this.abort.signal.addEventListener('abort', () => reject(this.abort.signal.reason), { once: true });
    });
    if (!blockNewSessions) return;
    for (const evseId of busyEvses) {
      for (const change of station.availability.transactionEnded(evseId)) {
        await this.journaled(() => station.reportConnectorStatus(change.evseId, change.connectorId, change.status));
      }
    }
  }

  /** The reboot of the installation: a new connection, BootNotification FirmwareUpdate, every connector reported. */
  private async reboot(): Promise<void> {
    const { station } = this;
    // The connectors were Unavailable for the update only: the new firmware starts them Operative.
    if (this.blockedSessions) station.availability.request({}, 'Operative');
    const boot = await this.journaled(() => station.reboot('FirmwareUpdate'), ['BootNotification']);
    const accepted = boot.some((exchange) => (exchange.response as { status?: string } | undefined)?.status === 'Accepted');
    if (!accepted) return;
    await this.journaled(() => station.reportAllConnectors());
  }

  private async notify(status: FirmwareStatusEnumType): Promise<void> {
    if (this.abort.signal.aborted) throw this.abort.signal.reason;
    await this.state.journal.send(this.station, 'FirmwareStatusNotification', { status, requestId: this.request.requestId });
  }

  /** Runs work that makes the station send messages, and records those of the given actions in the journal. */
  private async journaled(
    work: () => Promise<unknown>,
    actions: readonly string[] = ['StatusNotification', 'NotifyEvent'],
  ): Promise<Exchange[]> {
    const from = this.station.exchanges.length;
    try {
      await work();
    } finally {
      const sent = this.station.exchanges.slice(from).filter((exchange) => actions.includes(exchange.action));
      for (const exchange of sent) this.state.journal.record(exchange);
    }
    return this.station.exchanges.slice(from).filter((exchange) => actions.includes(exchange.action));
  }

  private until(when: Date): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = this.station.clock.at(when, () => resolve());
      this.abort.signal.addEventListener(
        'abort',
        () => {
          timer.cancel();
          reject(this.abort.signal.reason);
        },
        { once: true },
      );
    });
  }
}

/** The answer to an UpdateFirmwareRequest from the station's state, and the update it starts. */
export function answerUpdateFirmware(
  station: ChargingStation,
  state: FirmwareState,
  request: UpdateFirmwareRequest,
): UpdateFirmwareResponse {
  const verdict = checkSigningCertificate(state, request.firmware, station.clock.now());
  if (!verdict.ok) {
    station.note(`firmware signing certificate refused: ${verdict.detail}`);
    if (verdict.cause === 'InvalidCertificate') {
      // L01.FR.03: the station tells the CSMS of the invalid certificate once it has answered.
      station.clock.at(station.clock.now(), () =>
        state.journal.send(station, 'SecurityEventNotification', {
          type: 'InvalidFirmwareSigningCertificate',
          timestamp: station.clock.now().toISOString(),
          techInfo: verdict.detail.slice(0, 255),
        }),
      );
    }
    return { status: verdict.cause, statusInfo: { reasonCode: verdict.cause, additionalInfo: verdict.detail.slice(0, 512) } };
  }
  const ongoing = state.update?.running ? state.update : undefined;
  if (ongoing && !state.canCancelUpdate) {
    return {
      status: 'Rejected',
      statusInfo: { reasonCode: 'UpdateInProgress', additionalInfo: 'the update in progress cannot be cancelled' },
    };
  }
  ongoing?.cancel();
  const update = new FirmwareUpdate(station, state, request);
  state.update = update;
  update.start();
  return { status: ongoing ? 'AcceptedCanceled' : 'Accepted' };
}
