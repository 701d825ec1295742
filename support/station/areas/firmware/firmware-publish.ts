/**
 * Publishing a firmware file as a Local Controller (L03) and withdrawing it (L04): the station
 * downloads the file with the request's retries, checks its MD5 checksum, and serves it from its own
 * loopback file server, reporting each state with the request's requestId and, once Published, the
 * URIs it serves the file at.
 */
import { createHash, randomUUID } from 'node:crypto';
import type {
  PublishFirmwareRequest,
  PublishFirmwareStatusEnumType,
  PublishFirmwareStatusNotificationRequest,
  UnpublishFirmwareResponse,
} from '../../../../schemas/ocpp201-messages';
import { ClockCancelledError } from '../../../../kernel/time/station-clock';
import type { ChargingStation } from '../../core/charging-station';
import { DownloadFailed, download, retryPolicy } from './download';
import { localFileServer } from './local-server';
import type { FirmwareState } from './state';

export type PublishOrder = Pick<PublishFirmwareRequest, 'location' | 'checksum' | 'retries' | 'retryInterval'> & {
  /** Absent for a publication the station's own operator ordered: then nothing is reported to the CSMS. */
  requestId?: number;
};

export class FirmwarePublish {
  private readonly abort = new AbortController();
  /** Until the file is downloaded (UnpublishFirmware answers DownloadOngoing meanwhile). */
  downloading = true;
  private finished = false;

  constructor(
    private readonly station: ChargingStation,
    private readonly state: FirmwareState,
    readonly order: PublishOrder,
  ) {}

  get running(): boolean {
    return !this.finished;
  }

  get checksum(): string {
    return this.order.checksum.toLowerCase();
  }

  /** Runs the publication to its end; rejects only on an unexpected error. */
  async run(): Promise<PublishFirmwareStatusEnumType> {
    try {
      return await this.proceed();
    } catch (error) {
      if (this.abort.signal.aborted || error instanceof ClockCancelledError) return 'PublishFailed';
      throw error;
    } finally {
      this.finished = true;
      this.downloading = false;
    }
  }

  private async proceed(): Promise<PublishFirmwareStatusEnumType> {
    const { station, order } = this;
    await this.notify('Downloading');
    let bytes: Buffer;
    try {
      bytes = await download(order.location, retryPolicy(order.retries, order.retryInterval), station.clock, this.abort.signal);
    } catch (error) {
      if (!(error instanceof DownloadFailed)) throw error;
      station.note(error.message);
      return this.notify('DownloadFailed');
    }
    this.downloading = false;
    await this.notify('Downloaded');
    const md5 = createHash('md5').update(bytes).digest('hex');
    if (md5 !== this.checksum) {
      station.note(`published firmware checksum mismatch: the file's MD5 is ${md5}, the request said ${this.checksum}`);
      return this.notify('InvalidChecksum');
    }
    await this.notify('ChecksumVerified');
    if (this.state.localServerOutOfService) {
      station.note('the local file server is out of service: the firmware cannot be published');
      return this.notify('PublishFailed');
    }
    const server = await localFileServer();
    const name = new URL(order.location).pathname.split('/').filter(Boolean).pop() ?? 'firmware.bin';
    const path = `/${encodeURIComponent(station.id)}/${randomUUID()}/${name}`;
    server.publish(path, bytes);
    const locations = [server.url(path)];
    this.state.published.set(this.checksum, { path, locations });
    return this.notify('Published', locations);
  }

  private async notify(status: PublishFirmwareStatusEnumType, location?: string[]): Promise<PublishFirmwareStatusEnumType> {
    if (this.abort.signal.aborted) throw this.abort.signal.reason;
    if (this.order.requestId === undefined) return status;
    const request: PublishFirmwareStatusNotificationRequest = {
      status,
      requestId: this.order.requestId,
      ...(location ? { location } : {}),
    };
    await this.state.journal.send(this.station, 'PublishFirmwareStatusNotification', request);
    return status;
  }
}

/** L04: stop serving the firmware with that checksum. */
export async function unpublish(state: FirmwareState, checksum: string): Promise<UnpublishFirmwareResponse> {
  const wanted = checksum.toLowerCase();
  if (state.publish?.downloading && state.publish.checksum === wanted) return { status: 'DownloadOngoing' };
  const published = state.published.get(wanted);
  if (!published) return { status: 'NoFirmware' };
  (await localFileServer()).unpublish(published.path);
  state.published.delete(wanted);
  return { status: 'Unpublished' };
}
