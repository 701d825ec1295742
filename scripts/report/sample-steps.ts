/**
 * Steps only the report's sample run loads (scripts/report/sample-run.ts): they end a scenario
 * the way a real step would when the CSMS declares a feature unsupported, the operator cannot make
 * the CSMS act, or the CSMS breaks a requirement, so the tests see every verdict in a real run.
 */
import { When } from '@cucumber/cucumber';
import { CsmsViolation, NotApplicable, OperatorUnable } from '../../kernel/verdicts';
import { advisoryCheck } from '../../support/evidence/advisory';
import type { OcttWorld } from '../../support/world';

When('the sample CSMS declares it does not support {string}', function (feature: string) {
  throw new NotApplicable(feature, 'declared by the sample');
});

When('the sample operator cannot make the CSMS send a {word}', function (message: string) {
  throw new OperatorUnable(message, 'the sample CSMS has no such function');
});

When('the sample CSMS breaks requirement {word}', function (requirement: string) {
  throw new CsmsViolation('the sample CSMS answered what the requirement forbids', requirement);
});

When('advisory: the sample CSMS meets a check beyond the test case', async function (this: OcttWorld) {
  await advisoryCheck(this, 'When advisory: the sample CSMS meets a check beyond the test case', () => {
    throw new Error('the sample CSMS let the old password in');
  });
});
