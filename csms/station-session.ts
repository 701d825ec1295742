import type { OcppConnection } from '../kernel/ocpp/rpc';
import type { SecurityProfileNumber } from './store';

/** One connected station: its OCPP-J connection and how it authenticated. */
export class StationSession {
  /** Work the CSMS started after answering a request (e.g. CertificateSigned after SignCertificate). */
  private readonly followUps = new Set<Promise<unknown>>();

  constructor(
    readonly stationId: string,
    readonly connection: OcppConnection,
    readonly securityProfile: SecurityProfileNumber,
    readonly connectedAt = new Date(),
  ) {}

  /**
   * Runs `work` once the current answer has gone out: a CSMS never sends its own CALL before it
   * answered the station's, and OCPP-J allows one outstanding CALL per direction.
   */
  afterAnswer(work: () => Promise<unknown>): void {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: Error) => this.connection.note(`follow-up failed: ${error.message}`))
      .finally(() => this.followUps.delete(task));
    this.followUps.add(task);
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.followUps]);
  }
}
