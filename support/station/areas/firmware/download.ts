/**
 * How the station fetches a file: over HTTP(S) from the location a CSMS named, with the retries and
 * the retry interval the request gave (UpdateFirmware, PublishFirmware), waiting between attempts on
 * the station clock. A refused or failing server, an unknown file, a scheme the station does not
 * speak: each is a failed attempt, and the last one's reason is kept.
 */
import type { StationClock } from '../../../../kernel/time/station-clock';

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  /** Station seconds between attempts. */
  retryIntervalSeconds: number;
}

/** The station's own choice when the request leaves retries or retryInterval out. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 0, retryIntervalSeconds: 30 };

export class DownloadFailed extends Error {
  constructor(
    readonly location: string,
    readonly attempts: number,
    reason: string,
  ) {
    super(`download of ${location} failed after ${attempts} attempt(s): ${reason}`);
    this.name = 'DownloadFailed';
  }
}

async function fetchOnce(location: string, signal: AbortSignal): Promise<Buffer> {
  const url = new URL(location);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`the station cannot download over ${url.protocol}`);
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return Buffer.from(await response.arrayBuffer());
}

/** The file's bytes; throws DownloadFailed once every attempt failed, or the signal's reason when aborted. */
export async function download(location: string, policy: RetryPolicy, clock: StationClock, signal: AbortSignal): Promise<Buffer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetchOnce(location, signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (attempt > policy.retries) throw new DownloadFailed(location, attempt, (error as Error).message);
      await clock.sleep(policy.retryIntervalSeconds, signal);
    }
  }
}

export function retryPolicy(retries: number | undefined, retryInterval: number | undefined): RetryPolicy {
  return {
    retries: retries ?? DEFAULT_RETRY_POLICY.retries,
    retryIntervalSeconds: retryInterval ?? DEFAULT_RETRY_POLICY.retryIntervalSeconds,
  };
}
