import type { CsmsOperator, OperatorRequest, OperatorResult } from '../../kernel/operator/contract';
import { OperatorError } from '../../kernel/operator/contract';

/** The built-in reference CSMS, driven in process through the same contract as the HTTP hook. */
export class EmbeddedOperator implements CsmsOperator {
  readonly kind = 'embedded' as const;

  constructor(private readonly performInCsms: (request: OperatorRequest) => Promise<OperatorResult>) {}

  async perform(request: OperatorRequest): Promise<OperatorResult> {
    try {
      return await this.performInCsms(request);
    } catch (error) {
      throw new OperatorError(request, (error as Error).message);
    }
  }
}
