/**
 * The station's side of certificate renewal (OCPP 2.0.1 A02/A03, F06): it makes a key and a CSR
 * when it sends SignCertificateRequest, checks the chain of the CertificateSignedRequest that
 * follows against that key, its identity and the roots it trusts, and uses an accepted charging
 * station (or combined) certificate for its next security-profile-3 connection.
 */
import type { CertificateSigningUseEnumType } from '../../../../schemas/ocpp201-messages';
import { type ChainFacts, chainProblems, examineChain } from '../../../../kernel/tls/certificate-chain';
import { type SigningRequest, type SubjectFields, createSigningRequest } from '../../../../kernel/tls/csr';
import type { ChargingStation, StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';
import { networkStateOf, trustedCsmsRoots } from './network';

/** What a request is for; "Combined" = certificateType omitted (both the CSMS and the ISO 15118 connection). */
export type CertificateUse = CertificateSigningUseEnumType | 'Combined';

interface PendingRequest extends SigningRequest {
  subject: SubjectFields;
}

interface CertificateState {
  pending: Map<CertificateUse, PendingRequest>;
  /** The facts of the last CertificateSignedRequest's chain, for the scenario to check. */
  lastChain?: { use: CertificateUse | undefined; facts: ChainFacts; problems: string[] };
}

const CERTIFICATE_REQUESTS: StationState<CertificateState> = stateSlot('certificate requests', () => ({ pending: new Map() }));

const stateOf = (station: ChargingStation): CertificateState => station.state(CERTIFICATE_REQUESTS);

/** A new key and CSR for `use`; the key waits for the CSMS's certificate. */
export async function newSigningRequest(station: ChargingStation, use: CertificateUse, subject: SubjectFields): Promise<string> {
  const request = await createSigningRequest(subject);
  stateOf(station).pending.set(use, { ...request, subject });
  return request.csrPem;
}

/** Which pending requests a CertificateSignedRequest of this certificateType may answer. */
function candidatesFor(certificateType: CertificateSigningUseEnumType | undefined): CertificateUse[] {
  // certificateType is optional (A02.FR.14 only recommends it): without it the certificate is the
  // combined one, or answers a charging-station request of a CSMS that left the type out.
  if (certificateType === 'V2GCertificate') return ['V2GCertificate', 'Combined'];
  if (certificateType === 'ChargingStationCertificate') return ['ChargingStationCertificate', 'Combined'];
  return ['Combined', 'ChargingStationCertificate'];
}

function trustAnchorsFor(station: ChargingStation, use: CertificateUse): string[] {
  if (use === 'V2GCertificate') {
    return station.memory.installedCertificates.filter((entry) => entry.use === 'V2GRootCertificate').map((entry) => entry.pem);
  }
  return trustedCsmsRoots(station);
}

export interface SignedCertificateVerdict {
  use: CertificateUse | undefined;
  facts: ChainFacts;
  problems: string[];
}

/** Examines a CertificateSignedRequest's chain as the station does before it installs it. */
export function judgeSignedCertificate(
  station: ChargingStation,
  certificateChain: string,
  certificateType: CertificateSigningUseEnumType | undefined,
): SignedCertificateVerdict {
  const state = stateOf(station);
  let chosen: SignedCertificateVerdict | undefined;
  for (const use of candidatesFor(certificateType)) {
    const pending = state.pending.get(use);
    if (!pending) continue;
    const expectations = {
      publicKeyDer: pending.publicKeyDer,
      commonName: pending.subject.CN,
      trustAnchors: trustAnchorsFor(station, use),
    };
    const facts = examineChain(certificateChain, expectations);
    const verdict = { use, facts, problems: chainProblems(facts, expectations) };
    if (facts.leaf?.keyMatchesRequest || !chosen) chosen = verdict;
    if (facts.leaf?.keyMatchesRequest) break;
  }
  if (!chosen) {
    const expectations = { trustAnchors: trustAnchorsFor(station, certificateType ?? 'Combined') };
    const facts = examineChain(certificateChain, expectations);
    chosen = { use: undefined, facts, problems: chainProblems(facts, expectations) };
  }
  state.lastChain = chosen;
  return chosen;
}

/** Installs an accepted certificate: the key of its request now belongs to it. */
export function installSignedCertificate(station: ChargingStation, verdict: SignedCertificateVerdict, certificateChain: string): void {
  const state = stateOf(station);
  if (!verdict.use) return;
  const pending = state.pending.get(verdict.use);
  if (!pending) return;
  state.pending.delete(verdict.use);
  if (verdict.use === 'V2GCertificate') return;
  const network = networkStateOf(station);
  network.renewedCertificate = { cert: certificateChain, key: pending.keyPem };
  network.clientCertificate = network.renewedCertificate;
  station.note(
    `installed the ${verdict.use === 'Combined' ? 'combined' : 'charging station'} certificate issued by the CSMS for its next connections`,
  );
}

/** The facts of the last certificate chain the CSMS sent, for a `| field | expectation |` table. */
export function lastCertificateChain(station: ChargingStation): SignedCertificateVerdict {
  const last = station.peekState(CERTIFICATE_REQUESTS)?.lastChain;
  if (!last) throw new Error(`station ${station.id} has received no CertificateSignedRequest yet`);
  return last;
}
