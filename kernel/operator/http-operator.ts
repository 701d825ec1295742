import { type CsmsOperator, OperatorError, type OperatorRequest, type OperatorResult } from './contract';

export const OPERATOR_ACTIONS_PATH = '/v1/actions';

/**
 * The HTTP hook into a user's CSMS: POSTs the request as JSON to
 * `${CSMS_OPERATOR_URL}/v1/actions` and reads the answer (see README, "Operator HTTP contract").
 */
export class HttpOperator implements CsmsOperator {
  readonly kind = 'http' as const;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async perform(request: OperatorRequest): Promise<OperatorResult> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${OPERATOR_ACTIONS_PATH}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause =
        (error as Error).name === 'TimeoutError'
          ? `no answer from ${url} within ${this.timeoutMs / 1000} s`
          : `${url} unreachable: ${(error as Error).message}`;
      throw new OperatorError(request, cause);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      throw new OperatorError(request, `HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    if (!response.ok) {
      const reason = typeof body === 'object' && body !== null && 'error' in body ? String((body as { error: unknown }).error) : text;
      throw new OperatorError(request, `HTTP ${response.status}: ${reason}`);
    }
    const result = (body ?? {}) as { response?: unknown };
    return { response: result.response };
  }
}
