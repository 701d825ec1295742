import { createInterface } from 'node:readline';
import { type CsmsOperator, type OperatorRequest, type OperatorResult, isConfigurationAction } from '../../kernel/operator/contract';

export interface ManualOperatorOptions {
  /** Where instructions are printed. */
  output: NodeJS.WritableStream;
  /** Where a person confirms a configuration change; undefined when no one can answer (not a TTY). */
  input: NodeJS.ReadableStream | undefined;
  actionTimeoutMs: number;
}

/**
 * A person at the CSMS: prints what to do, naming the station and every value to use. For an OCPP
 * action the suite then waits up to CSMS_ACTION_TIMEOUT for the message; for a configuration change
 * it waits for Enter (when a terminal is attached).
 */
export class ManualOperator implements CsmsOperator {
  readonly kind = 'manual' as const;

  constructor(private readonly options: ManualOperatorOptions) {}

  async perform(request: OperatorRequest): Promise<OperatorResult> {
    const seconds = this.options.actionTimeoutMs / 1000;
    const lines = [
      '',
      `┌─ CSMS operator, station ${request.stationId}`,
      `│ ${request.instruction}`,
      ...Object.entries(request.params).map(([key, value]) => `│   ${key}: ${JSON.stringify(value)}`),
    ];
    const configuring = isConfigurationAction(request.action);
    if (configuring && this.options.input) {
      lines.push(`└─ press Enter when done (waiting up to ${seconds} s)`, '');
      this.options.output.write(lines.join('\n'));
      await this.waitForEnter(this.options.input, this.options.actionTimeoutMs);
    } else {
      lines.push(configuring ? '└─ (no terminal to confirm: continuing as if done)' : `└─ waiting up to ${seconds} s for the message`, '');
      this.options.output.write(lines.join('\n'));
    }
    return {};
  }

  private waitForEnter(input: NodeJS.ReadableStream, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const reader = createInterface({ input, terminal: false });
      const timer = setTimeout(() => {
        reader.close();
        reject(new Error(`no confirmation within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      reader.once('line', () => {
        clearTimeout(timer);
        reader.close();
        resolve();
      });
    });
  }
}
