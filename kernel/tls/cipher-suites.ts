/**
 * The TLS 1.2 cipher suites OCPP 2.0.1 requires of a CSMS (A00: a CSMS SHALL support
 * at least these four), by their IANA names as the specification writes them, with the OpenSSL
 * names a Node client must offer to pin exactly one of them.
 */
export const REQUIRED_CIPHER_SUITES: Readonly<Record<string, string>> = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
};

export function openSslCipherName(ianaName: string): string {
  const name = REQUIRED_CIPHER_SUITES[ianaName];
  if (!name) {
    throw new Error(`${ianaName} is not one of the cipher suites OCPP 2.0.1 requires (${Object.keys(REQUIRED_CIPHER_SUITES).join(', ')})`);
  }
  return name;
}

/**
 * Client settings that make OpenSSL really offer TLS 1.0/1.1 (its default security level refuses
 * to): the attempt must reach the CSMS so that the refusal is the CSMS's, not the client's.
 */
export const LEGACY_TLS_CLIENT = { minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } as const;
