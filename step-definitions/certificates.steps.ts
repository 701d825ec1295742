import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type {
  GetCertificateIdUseEnumType,
  GetCertificateStatusResponse,
  HashAlgorithmEnumType,
  InstallCertificateUseEnumType,
} from '../schemas/ocpp201-messages';
import type { CsmsToStationAction } from '../kernel/ocpp/actions';
import { stateSlot } from '../kernel/state-slots';
import { type V2gStatusQuestion, factoryCertificate, v2gStatusQuestion } from '../support/station/areas/certificates/factory-certificates';
import { CERTIFICATE_SETTINGS, certificateStoreOf } from '../support/station/areas/certificates/state';
import type { OcttWorld } from '../support/world';

/** The last OCSP status question the station asked the CSMS in this scenario, with when it asked. */
const STATUS_QUESTION = stateSlot<OcttWorld, { current?: { question: V2gStatusQuestion; at: Date; subCa: number } }>(
  'V2G status question',
  () => ({}),
);

Given('the charging station has these certificates installed', async function (this: OcttWorld, table: DataTable) {
  const station = this.station();
  const store = certificateStoreOf(station);
  for (const [type] of table.rows()) {
    const use = type as GetCertificateIdUseEnumType;
    const outcome = store.install(use, await factoryCertificate(use, station.id, this.run.tls.ca));
    if (outcome.status !== 'Accepted') throw new Error(`the station cannot hold its ${use}: ${outcome.detail}`);
  }
});

Given("the charging station's certificate store holds at most {int} certificate(s)", function (this: OcttWorld, limit: number) {
  certificateStoreOf(this.station()).capacity = limit;
});

Given('the charging station computes certificate hash data with {hashAlgorithm}', function (this: OcttWorld, algorithm: string) {
  this.station().state(CERTIFICATE_SETTINGS).hashAlgorithm = algorithm as HashAlgorithmEnumType;
});

Given(
  'the charging station keeps a network connection profile for security profile {int}',
  function (this: OcttWorld, securityProfile: number) {
    const { config } = this;
    this.station().memory.networkProfiles.set(config.CONFIGURED_CONFIGURATION_SLOT, {
      ocppVersion: 'OCPP20',
      ocppTransport: 'JSON',
      ocppCsmsUrl: config.CSMS_WSS_ADDRESS,
      messageTimeout: config.CONFIGURED_MESSAGE_TIMEOUT,
      securityProfile,
      ocppInterface: config.CONFIGURED_OCPP_INTERFACE,
    });
  },
);

When('the CSMS is asked to delete the {installCertificateUse} it installed', function (this: OcttWorld, type: string) {
  const use = type as InstallCertificateUseEnumType;
  const station = this.station();
  // One operator action, two requests: the CSMS looks the certificate up before it deletes it.
  station.noteAsked('GetInstalledCertificateIds');
  // No params: the only field of a DeleteCertificateRequest is the hash data the CSMS has yet to learn
  // from the station, so which certificate is said in the instruction (the one it installed last).
  this.askCsms(
    'DeleteCertificate' as CsmsToStationAction,
    {},
    `Make the CSMS delete the ${use} it installed on ${station.id}: it first sends a GetInstalledCertificateIdsRequest, ` +
      'then a DeleteCertificateRequest with the certificateHashData the station returned.',
  );
});

When(
  'the charging station asks the CSMS for the OCSP status of sub-CA {int} of its V2G certificate chain',
  async function (this: OcttWorld, subCa: number) {
    if (subCa !== 1 && subCa !== 2) throw new Error('the V2G chain has sub-CA 1 and sub-CA 2');
    const station = this.station();
    const question = await v2gStatusQuestion(station.id, subCa);
    const at = new Date();
    this.scenarioState(STATUS_QUESTION).current = { question, at, subCa };
    const response = await station.call('GetCertificateStatus', { ocspRequestData: question.ocspRequestData });
    this.inspected = { name: 'GetCertificateStatusResponse', payload: response };
  },
);

Then("the ocspResult is the OCSP responder's signed answer that the sub-CA is good", function (this: OcttWorld) {
  const asked = this.scenarioState(STATUS_QUESTION).current;
  const inspected = this.inspected;
  if (!asked || inspected?.name !== 'GetCertificateStatusResponse') throw new Error('the station has not asked for an OCSP status yet');
  const { ocspResult } = inspected.payload as GetCertificateStatusResponse;
  if (!ocspResult) throw new Error('GetCertificateStatusResponse ocspResult: expected an OCSP response, got none');
  const verdict = asked.question.read(ocspResult);
  if (verdict.status !== 'good') {
    const detail = verdict.status === 'failed' ? verdict.reason : verdict.status;
    throw new Error(`GetCertificateStatusResponse ocspResult: expected a signed OCSP "good" for sub-CA ${asked.subCa}, got ${detail}`);
  }
  const questions = asked.question.askedSince(asked.at);
  if (questions === 0) {
    throw new Error(
      `the suite's OCSP responder was not asked about sub-CA ${asked.subCa}: the ocspResult was not fetched for this request`,
    );
  }
});
