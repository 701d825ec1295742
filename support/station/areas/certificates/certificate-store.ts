/**
 * The station's certificate store (OCPP 2.0.1 M03-M05): the root certificates the CSMS installs
 * and the station's own V2G certificate chain, held in the shared StationMemory so that the
 * security area trusts what is installed here. Its size limit is the device model's
 * SecurityCtrlr.CertificateEntries maxLimit; its Actual value counts the certificates held.
 */
import { X509Certificate } from 'node:crypto';
import type {
  CertificateHashDataChainType,
  CertificateHashDataType,
  GetCertificateIdUseEnumType,
  HashAlgorithmEnumType,
} from '../../../../schemas/ocpp201-messages';
import { certificateHashData, sameCertificateHashData } from '../../../../kernel/tls/certificate-hash';
import { splitPemChain } from '../../../../kernel/tls/certificate-chain';
import type { DeviceModel } from '../../core/device-model';
import type { InstalledCertificate, StationMemory } from '../../core/memory';

/** How many certificates a station holds unless a scenario gives it less room. */
export const DEFAULT_CERTIFICATE_CAPACITY = 24;

const ENTRIES = { component: { name: 'SecurityCtrlr' }, variable: { name: 'CertificateEntries' } } as const;

export type StoreOutcome<S extends string> = { status: 'Accepted' } | { status: S; reasonCode: string; detail: string };

/** Why a certificate offered as a root cannot be one; undefined when it can. */
export function rootCertificateProblem(pem: string, at: Date): { reasonCode: string; detail: string } | undefined {
  const blocks = splitPemChain(pem);
  if (blocks.length !== 1) {
    return { reasonCode: 'InvalidCertificate', detail: `expected one PEM certificate, found ${blocks.length}` };
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(blocks[0]);
  } catch (error) {
    return { reasonCode: 'InvalidCertificate', detail: `not an X.509 certificate: ${(error as Error).message}` };
  }
  if (!certificate.ca) return { reasonCode: 'InvalidCertificate', detail: 'not a CA certificate (basicConstraints cA is not set)' };
  if (!certificate.checkIssued(certificate) || !certificate.verify(certificate.publicKey)) {
    return { reasonCode: 'InvalidCertificate', detail: 'not a root: the certificate is not self-signed' };
  }
  if (new Date(certificate.validFrom) > at)
    return { reasonCode: 'InvalidCertificate', detail: `not valid before ${certificate.validFrom}` };
  if (new Date(certificate.validTo) < at) return { reasonCode: 'CertificateExpired', detail: `expired ${certificate.validTo}` };
  return undefined;
}

export class CertificateStore {
  constructor(
    private readonly memory: StationMemory,
    private readonly deviceModel: DeviceModel,
    /** True when the station must keep a CSMS root: a connection profile of it uses TLS. */
    private readonly needsCsmsRoot: () => boolean,
  ) {}

  get entries(): readonly InstalledCertificate[] {
    return this.memory.installedCertificates;
  }

  /** SecurityCtrlr.CertificateEntries maxLimit: how many certificates fit. */
  get capacity(): number {
    return this.deviceModel.find(ENTRIES.component, ENTRIES.variable)?.maxLimit ?? DEFAULT_CERTIFICATE_CAPACITY;
  }

  set capacity(limit: number) {
    const definition = this.deviceModel.find(ENTRIES.component, ENTRIES.variable);
    if (!definition) throw new Error('the station has no SecurityCtrlr.CertificateEntries');
    definition.maxLimit = limit;
  }

  /** Certificates held; a V2G chain counts each of its certificates. */
  get count(): number {
    return this.entries.reduce((sum, entry) => sum + splitPemChain(entry.pem).length, 0);
  }

  /** M05: a root certificate of `use`; Rejected when it is none, Failed when the store is full. */
  install(use: GetCertificateIdUseEnumType, pem: string, at: Date = new Date()): StoreOutcome<'Rejected' | 'Failed'> {
    const problem = use === 'V2GCertificateChain' ? undefined : rootCertificateProblem(pem, at);
    if (problem) return { status: 'Rejected', ...problem };
    const certificates = splitPemChain(pem);
    const der = new X509Certificate(certificates[0]).raw;
    if (this.entries.some((entry) => entry.use === use && new X509Certificate(splitPemChain(entry.pem)[0]).raw.equals(der))) {
      return { status: 'Accepted' };
    }
    if (this.count + certificates.length > this.capacity) {
      return {
        status: 'Failed',
        reasonCode: 'CertificateStoreFull',
        detail: `the store holds ${this.count} of at most ${this.capacity} certificates (SecurityCtrlr.CertificateEntries maxLimit)`,
      };
    }
    this.memory.installedCertificates.push({ use, pem, hash: this.hashOf(this.chainOf(pem), 0, 'SHA256') });
    this.recount();
    return { status: 'Accepted' };
  }

  /** M03: hash data of the certificates of these types (all when omitted), with `algorithm`. */
  hashDataChain(
    types: readonly GetCertificateIdUseEnumType[] | undefined,
    algorithm: HashAlgorithmEnumType,
  ): CertificateHashDataChainType[] {
    const wanted = types && types.length > 0 ? types : undefined;
    return this.entries
      .filter((entry) => !wanted || wanted.includes(entry.use))
      .map((entry) => {
        const chain = this.chainOf(entry.pem);
        // M03.FR.05: a V2G chain lists its leaf, and its sub-CAs as children.
        const children = chain
          .slice(1)
          .map((_, index) => this.hashIfIssuerKnown(chain, index + 1, algorithm))
          .filter((hash): hash is CertificateHashDataType => hash !== undefined);
        return {
          certificateType: entry.use,
          certificateHashData: this.hashOf(chain, 0, algorithm),
          ...(children.length > 0 ? { childCertificateHashData: children.slice(0, 4) } : {}),
        };
      });
  }

  /** M04: deletes the certificate these hash data name, unless the station must keep it. */
  delete(hashData: CertificateHashDataType): StoreOutcome<'Failed' | 'NotFound'> {
    const index = this.entries.findIndex((entry) =>
      sameCertificateHashData(this.hashOf(this.chainOf(entry.pem), 0, hashData.hashAlgorithm), hashData),
    );
    if (index < 0) {
      return { status: 'NotFound', reasonCode: 'NotFound', detail: `no installed certificate has serial ${hashData.serialNumber}` };
    }
    const entry = this.entries[index];
    const csmsRoots = this.entries.filter((candidate) => candidate.use === 'CSMSRootCertificate').length;
    if (entry.use === 'CSMSRootCertificate' && csmsRoots === 1 && this.needsCsmsRoot()) {
      return {
        status: 'Failed',
        reasonCode: 'CertificateInUse',
        detail: 'it is the only CSMSRootCertificate and a network connection profile of the station uses TLS',
      };
    }
    this.memory.installedCertificates.splice(index, 1);
    this.recount();
    return { status: 'Accepted' };
  }

  private recount(): void {
    this.deviceModel.setValue('SecurityCtrlr', 'CertificateEntries', String(this.count));
  }

  private chainOf(pem: string): X509Certificate[] {
    return splitPemChain(pem).map((block) => new X509Certificate(block));
  }

  /** Hash data of chain[index] and chain[0] (a root, or a chain's leaf, whose issuer follows it). */
  private hashOf(chain: readonly X509Certificate[], index: number, algorithm: HashAlgorithmEnumType): CertificateHashDataType {
    const hash = this.hashIfIssuerKnown(chain, index, algorithm);
    if (!hash) throw new Error(`the issuer of ${chain[index].subject.replace(/\n/g, ', ')} is not known to the station`);
    return hash;
  }

  /** Its issuer is itself (a root), the next certificate of the chain, or an installed root that signed it. */
  private hashIfIssuerKnown(
    chain: readonly X509Certificate[],
    index: number,
    algorithm: HashAlgorithmEnumType,
  ): CertificateHashDataType | undefined {
    const certificate = chain[index];
    const issuer = certificate.checkIssued(certificate) ? certificate : (chain[index + 1] ?? this.installedIssuerOf(certificate));
    // issuerKeyHash needs the issuer's key: without the issuer the hash data cannot be computed.
    return issuer ? certificateHashData(certificate.toString(), issuer.toString(), algorithm) : undefined;
  }

  private installedIssuerOf(certificate: X509Certificate): X509Certificate | undefined {
    for (const entry of this.entries) {
      for (const candidate of this.chainOf(entry.pem)) {
        if (certificate.checkIssued(candidate) && certificate.verify(candidate.publicKey)) return candidate;
      }
    }
    return undefined;
  }
}
