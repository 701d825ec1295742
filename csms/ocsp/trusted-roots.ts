import { X509Certificate } from 'node:crypto';
import type { StationRecord } from '../store';

/**
 * Adds a V2G / MO root the operator trusts for the station's contract certificates (C07 central
 * validation); throws when the PEM is not a CA certificate. Returns the subjects now trusted.
 */
export function trustContractRoot(station: StationRecord, pem: string): string[] {
  const certificate = new X509Certificate(pem);
  if (!certificate.ca) throw new Error(`${certificate.subject.replace(/\n/g, ', ')} is not a CA certificate`);
  const roots = station.trustedContractRoots;
  if (!roots.some((known) => new X509Certificate(known).fingerprint256 === certificate.fingerprint256)) roots.push(certificate.toString());
  return roots.map((known) => new X509Certificate(known).subject.replace(/\n/g, ', '));
}
