import { Given, Then, When } from '@cucumber/cucumber';
import type { AuthorizationStatusEnumType, AuthorizeRequest } from '../schemas/ocpp201-messages';
import {
  type ContractKind,
  type ContractPresentation,
  contractPresentation,
  ocspAnswersAbout,
} from '../support/iso15118/contract-certificates';
import { authorizeLocally, cacheIdTokenInfo, idTokenKey } from '../support/station/areas/authorization/lists';
import { configuredIdToken } from '../support/station/areas/authorization/tokens';
import { ValidationError } from '../support/validation/field-checks';
import { resolveValue } from '../support/validation/values';
import type { OcttWorld } from '../support/world';

// The station's configuration and memory before the OCTT's first step (catalog "before").

Given('the charging station has a second EVSE besides the configured EVSE', function (this: OcttWorld) {
  const configured = this.config.CONFIGURED_EVSE_ID;
  const second = configured === 1 ? 2 : 1;
  this.configureStation('basic', { numberOfEvses: Math.max(this.config.CONFIGURED_NUMBER_OF_EVSES, configured, second) });
  this.remember('secondEvse', second);
});

Given(/^the charging station's master pass group is (.+)$/, function (this: OcttWorld, group: string) {
  this.station().deviceModel.setValue('AuthCtrlr', 'MasterPassGroupId', String(resolveValue(group, this.valueContext()).value));
});

Given(/^the charging station's authorization cache holds (.+) as (\w+)$/, function (this: OcttWorld, phrase: string, status: string) {
  const station = this.station();
  const idToken = configuredIdToken(this.config, phrase);
  cacheIdTokenInfo(station, idToken, { status: status as AuthorizationStatusEnumType });
  if (!station.memory.authorizationCache.has(idTokenKey(idToken))) {
    throw new Error(`the station does not cache ${phrase}: its cache is disabled or the idToken is in its Local Authorization List`);
  }
});

// What the station does.

When(/^the charging station authorizes (.+) locally$/, function (this: OcttWorld, phrase: string) {
  const station = this.station();
  const outcome = authorizeLocally(station, configuredIdToken(this.config, phrase));
  if (!outcome.authorized) throw new Error(`the station cannot authorize ${phrase} without the CSMS: ${outcome.reason}`);
  station.note(`authorized ${phrase} from its ${outcome.source}, without an AuthorizeRequest`);
});

// ISO 15118 contract certificates (C07).

function presentation(world: OcttWorld): ContractPresentation {
  const presented = world.recall('contractPresentation') as ContractPresentation | undefined;
  if (!presented) throw new Error('no contract certificate presented yet: start with "Given the EV presents the … contract certificate …"');
  return presented;
}

Given(
  /^the EV presents the (valid|revoked) contract certificate of the configured eMAID$/,
  async function (this: OcttWorld, kind: ContractKind) {
    const presented = await contractPresentation(this.config, kind);
    this.remember('contractPresentation', presented);
    this.remember('contractCertificateHashData', presented.hashData.value);
    this.remember('contractCertificate', presented.certificate.pem);
    this.remember('ocspWatchedSince', new Date());
    this.station().note(`the EV presents ${presented.certificate.source} (hash data: ${presented.hashData.source})`);
  },
);

Given('the CSMS trusts the root of the contract certificate', async function (this: OcttWorld) {
  const { certificate } = presentation(this);
  if (!certificate.rootPem) {
    // A configured CONTRACT_CERT_FILE comes from the user's PKI: trusting its root is the user's prerequisite.
    this.station().note(`prerequisite: the CSMS trusts the V2G or MO root above ${certificate.source}`);
    return;
  }
  await this.configureCsms(
    'ConfigureContractCertificateRoot',
    { certificate: certificate.rootPem },
    `Make the CSMS trust this V2G root for contract certificates (installed once; the suite keeps it in .pki/iso15118/v2g-root.pem).`,
  );
});

Then(
  /^the CSMS asked the OCSP responder about the contract certificate, which answered (good|revoked)$/,
  function (this: OcttWorld, expected: string) {
    const presented = presentation(this);
    const sent = this.messages.get('AuthorizeRequest') as AuthorizeRequest | undefined;
    if (!sent) throw new Error('no AuthorizeRequest was sent in this scenario');
    const form = sent.certificate !== undefined ? presented.certificate : presented.hashData;
    if (!form.observation) {
      throw new Error(
        `the OCSP question cannot be observed: ${form.source} names an OCSP responder the suite does not run. ` +
          "Leave the ISO 15118 files unset to use the suite's contract certificates, whose OCSP service it runs.",
      );
    }
    const answers = ocspAnswersAbout(form.observation, this.recall('ocspWatchedSince') as Date);
    for (const entry of answers) {
      this.station().note(
        `the OCSP responder ${form.observation.responder.url} was asked about the contract certificate and answered ${entry.answer}`,
      );
    }
    if (!answers.some((entry) => entry.answer === expected)) {
      throw new ValidationError([
        {
          message: 'OCSP request',
          field: 'the contract certificate',
          expected: `a question to ${form.observation.responder.url} answered ${expected}`,
          actual: answers.length === 0 ? 'no question about it' : answers.map((entry) => entry.answer).join(', '),
        },
      ]);
    }
  },
);
