/**
 * The V2G / MO root certificates the CSMS operator told the reference CSMS to trust for contract
 * certificates (C07 central validation), kept per registered station. A station record is
 * replaced when the CSMS is reset, so the roots go with it, as any other setting does.
 */
import { X509Certificate } from 'node:crypto';
import type { StationRecord } from '../store';

const roots = new WeakMap<StationRecord, string[]>();

export function trustedContractRoots(station: StationRecord): readonly string[] {
  return roots.get(station) ?? [];
}

/** Adds a root; throws when the PEM is not a CA certificate. Returns the subjects now trusted. */
export function trustContractRoot(station: StationRecord, pem: string): string[] {
  const certificate = new X509Certificate(pem);
  if (!certificate.ca) throw new Error(`${certificate.subject.replace(/\n/g, ', ')} is not a CA certificate`);
  const list = roots.get(station) ?? [];
  if (!list.some((known) => new X509Certificate(known).fingerprint256 === certificate.fingerprint256)) list.push(certificate.toString());
  roots.set(station, list);
  return list.map((known) => new X509Certificate(known).subject.replace(/\n/g, ', '));
}
