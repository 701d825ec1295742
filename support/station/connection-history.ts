/**
 * Which scenario of the run connected with which credentials, and which last changed the CSMS's
 * view of a station (its password, security profile or network profile): run-wide, per process.
 *
 * Against a user's CSMS state can leak from one scenario into the next (an undo that did not reach
 * the CSMS). When the CSMS then refuses a connection with HTTP 401 although an earlier scenario
 * connected with the same credentials, the failure says so and names the scenario that last
 * changed what the CSMS knows of the station, instead of leaving a bare "HTTP 401".
 */
import type { ConnectionCredentials as Credentials } from './core/charging-station';
import { ConnectionRefusedError } from './core/transport';

const keyOf = (credentials: Credentials): string =>
  JSON.stringify([credentials.stationId, credentials.baseUrl, credentials.securityProfile, credentials.username, credentials.password]);

/** The run's record. One per process (support/run-context.ts keeps the World's); tests make their own. */
export class ConnectionHistory {
  /** The latest scenario that connected with each set of credentials. */
  private readonly connected = new Map<string, string>();
  /** Per station id: the scenario that last changed the CSMS's view of it, and what it changed. */
  private readonly lastChange = new Map<string, { scenario: string; what: readonly string[] }>();

  noteConnected(credentials: Credentials, scenario: string): void {
    this.connected.set(keyOf(credentials), scenario);
  }

  noteChanged(stationId: string, scenario: string, what: readonly string[]): void {
    if (what.length > 0) this.lastChange.set(stationId, { scenario, what });
  }

  /**
   * The error to report for a refused connection: an HTTP 401 for credentials an earlier scenario
   * connected with gets the likely cause added; anything else is returned as it is. `changedNow`
   * is what the running scenario itself changed so far.
   */
  explain(error: Error, credentials: Credentials, scenario: string, changedNow: readonly string[]): Error {
    if (!(error instanceof ConnectionRefusedError) || error.kind !== 'http' || error.statusCode !== 401) return error;
    const earlier = this.connected.get(keyOf(credentials));
    if (earlier === undefined || earlier === scenario) return error;
    const station = credentials.stationId;
    const change = changedNow.length > 0 ? { scenario, what: changedNow } : this.lastChange.get(station);
    const cause = change
      ? `scenario "${change.scenario}" last changed the CSMS's view of ${station} (${change.what.join(', ')})` +
        (change.scenario === scenario ? '' : ': state leaked from it, check that its undo reached the CSMS')
      : `no scenario of this run changed the CSMS's view of ${station} (password, security profile, network profile), so it changed outside the run`;
    return new ConnectionRefusedError(
      error.kind,
      `${error.message}, although scenario "${earlier}" connected as ${station} with the same credentials earlier in this run; ${cause}`,
      error.statusCode,
      error.details,
    );
  }
}
