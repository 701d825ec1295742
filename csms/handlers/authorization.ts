import type { IdTokenInfoType, IdTokenType } from '../../schemas/ocpp201-messages';
import type { CsmsHandlers, HandlerContext } from './handler-context';

/** The CSMS's verdict on a token (C01): status from its registry, expiry, group. */
export function idTokenInfoFor(idToken: IdTokenType, { store }: Pick<HandlerContext, 'store'>): IdTokenInfoType {
  if (idToken.type === 'NoAuthorization') return { status: 'Accepted' };
  const record = store.token(idToken.idToken, idToken.type);
  if (!record) return { status: 'Unknown' };
  const expired = record.expiresAt !== undefined && Date.parse(record.expiresAt) <= Date.now();
  return {
    status: expired ? 'Expired' : record.status,
    ...(record.expiresAt ? { cacheExpiryDateTime: record.expiresAt } : {}),
    ...(record.groupId ? { groupIdToken: { idToken: record.groupId, type: 'Central' } } : {}),
  };
}

/** Block C: authorization of tokens. */
export const authorizationHandlers: CsmsHandlers = {
  Authorize: ({ idToken }, context) => ({ idTokenInfo: idTokenInfoFor(idToken, context) }),
};
