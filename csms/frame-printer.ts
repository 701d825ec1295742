import type { TraceEntry, TraceSink } from '../kernel/evidence/trace';
import type { SecretMasker } from '../kernel/evidence/masking';

const ARROW = { received: '→', sent: '←' } as const;

/** Prints every frame and connection event of the standalone CSMS on one readable line. */
export class FramePrinter implements TraceSink {
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly masker: SecretMasker,
    private readonly maxPayloadChars = 400,
  ) {}

  record(entry: TraceEntry): void {
    const time = entry.at.slice(11, 23);
    if (entry.kind === 'event') {
      this.out.write(`${time} ${entry.connection} · ${this.masker.maskText(entry.text)}\n`);
      return;
    }
    // Arrows point the way the frame travelled: station → CSMS or CSMS ← … as seen from the CSMS.
    const what =
      entry.messageType === 'CALL'
        ? `CALL ${entry.action}`
        : entry.messageType === 'CALLERROR'
          ? `CALLERROR ${entry.errorCode} ${entry.errorDescription ?? ''}`
          : entry.messageType === 'CALLRESULT'
            ? `CALLRESULT ${entry.action ?? ''}`
            : 'UNPARSEABLE';
    const body =
      entry.payload === undefined
        ? entry.messageType === 'UNPARSEABLE'
          ? entry.raw
          : ''
        : JSON.stringify(this.masker.maskValue(entry.payload));
    const shown = body.length > this.maxPayloadChars ? `${body.slice(0, this.maxPayloadChars)}… (${body.length} chars)` : body;
    this.out.write(
      `${time} ${entry.connection} ${ARROW[entry.direction]} ${what.trim()} ${entry.messageId ?? ''} ${this.masker.maskText(shown)}\n`,
    );
  }
}
