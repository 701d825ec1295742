/**
 * The root certificates the reference CSMS holds and pushes with InstallCertificateRequest (M05),
 * from the test PKIs generated on first use (nothing committed): the CA of its own TLS server
 * certificate, the manufacturer root of the firmware PKI, the V2G root of the ISO 15118 test PKI
 * and the MO root its contract-certificate stand-in issues under.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallCertificateUseEnumType } from '../../../schemas/ocpp201-messages';
import { ensureFirmwarePki } from '../../../kernel/firmware/firmware-pki';
import { ensureMoRoot, ensureV2gRoot } from '../../../kernel/iso15118/contract-pki';
import { PKI_DIR, type TestPki } from '../../../kernel/tls/test-pki';

export const ISO15118_PKI_DIR = join(PKI_DIR, 'iso15118');

export const INSTALLABLE_TYPES: readonly InstallCertificateUseEnumType[] = [
  'CSMSRootCertificate',
  'ManufacturerRootCertificate',
  'V2GRootCertificate',
  'MORootCertificate',
];

export async function rootCertificateHeld(use: InstallCertificateUseEnumType, pki: TestPki): Promise<string> {
  switch (use) {
    case 'CSMSRootCertificate':
      return readFileSync(pki.caCert, 'utf8');
    case 'ManufacturerRootCertificate':
      return (await ensureFirmwarePki()).manufacturerRoot.certPem;
    case 'V2GRootCertificate':
      return (await ensureV2gRoot(ISO15118_PKI_DIR)).certificatePem;
    case 'MORootCertificate':
      return (await ensureMoRoot(ISO15118_PKI_DIR)).certificatePem;
  }
}
