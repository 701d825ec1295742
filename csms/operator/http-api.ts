import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { OPERATOR_ACTIONS_PATH } from '../../kernel/operator/http-operator';
import type { OperatorRequest, OperatorResult } from '../../kernel/operator/contract';
import { readRequestBody } from '../../kernel/http/request-body';
import { OperatorApiError, validateOperatorRequest } from './operator-api';

const MAX_BODY_BYTES = 1_000_000;

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const body = await readRequestBody(request, MAX_BODY_BYTES);
  if (body === null) throw new OperatorApiError(400, `the body exceeds ${MAX_BODY_BYTES} bytes`);
  return body.toString('utf8');
}

/** The operator HTTP contract: POST /v1/actions with an OperatorRequest; see README. */
export function createOperatorHttpServer(perform: (request: OperatorRequest) => Promise<OperatorResult>): Server {
  return createServer((request, response) => {
    void (async () => {
      if (request.url !== OPERATOR_ACTIONS_PATH)
        return send(response, 404, { error: `unknown path ${request.url}; POST ${OPERATOR_ACTIONS_PATH}` });
      if (request.method !== 'POST') return send(response, 405, { error: `use POST ${OPERATOR_ACTIONS_PATH}` });
      try {
        let body: unknown;
        try {
          body = JSON.parse(await readBody(request));
        } catch (error) {
          throw error instanceof OperatorApiError ? error : new OperatorApiError(400, 'the body is not valid JSON');
        }
        const result = await perform(validateOperatorRequest(body));
        send(response, 200, { status: 'done', ...(result.response === undefined ? {} : { response: result.response }) });
      } catch (error) {
        const status = error instanceof OperatorApiError ? error.httpStatus : 500;
        send(response, status, { error: (error as Error).message });
      }
    })();
  });
}
