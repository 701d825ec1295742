/**
 * Which OCTT test cases test an optional part of OCPP 2.0.1, and why. The rule follows the OCA
 * certification profiles of OCPP 2.0.1: "Core" is what every CSMS must support; the other profiles
 * (Advanced Security, Local Authorization List Management, Smart Charging, Reservation, ISO 15118
 * support, Advanced Device Management, Advanced User Interface, Tariff and Cost, Local Controller)
 * and a few features the specification itself calls optional are for a CSMS to declare.
 *
 * The first rule that matches a test case decides; a case no rule matches is Core. Security
 * profiles 1 and 2 (Basic auth, server-side TLS) count as Core, profile 3 (client certificates)
 * as Advanced Security.
 */

export interface CaseFacts {
  id: string;
  title: string;
  block: string;
  useCases: readonly string[];
  /** The catalog's `station`: basic, sp2, sp3, none, or a list of those. */
  station: string | readonly string[];
  prerequisites: string;
}

interface Rule {
  /** The optional feature's key, as a CSMS declares it in CSMS_UNSUPPORTED_FEATURES. */
  feature: string;
  because: string;
  applies(facts: CaseFacts): boolean;
}

const inBlocks =
  (...blocks: string[]) =>
  (facts: CaseFacts) =>
    blocks.includes(facts.block);
const withUseCase =
  (...useCases: string[]) =>
  (facts: CaseFacts) =>
    facts.useCases.some((useCase) => useCases.includes(useCase));
const titled = (pattern: RegExp) => (facts: CaseFacts) => pattern.test(facts.title);

const RULES: readonly Rule[] = [
  {
    feature: 'iso15118',
    because: 'ISO 15118 support (optional certification profile): Plug & Charge, contract and V2G certificates, ISO 15118 charging',
    applies: (facts) =>
      withUseCase('C07', 'M01', 'M02', 'M06', 'K15', 'K16', 'K17')(facts) || titled(/15118|V2G|MORoot|Combined Certificate/)(facts),
  },
  {
    feature: 'advancedSecurity',
    because: 'Advanced Security (optional certification profile): security profile 3 and certificate management',
    applies: (facts) =>
      (Array.isArray(facts.station) ? facts.station : [facts.station]).every((station) => station === 'sp3') ||
      withUseCase('A02', 'A03', 'M03', 'M04', 'M05')(facts),
  },
  {
    feature: 'localAuthorizationList',
    because: 'Local Authorization List Management (optional certification profile)',
    applies: (facts) => inBlocks('D')(facts) || titled(/Local Authorization List/)(facts),
  },
  { feature: 'smartCharging', because: 'Smart Charging (optional certification profile)', applies: inBlocks('K') },
  { feature: 'reservation', because: 'Reservation (optional certification profile)', applies: inBlocks('H') },
  { feature: 'tariffAndCost', because: 'Tariff and Cost (optional certification profile)', applies: inBlocks('I') },
  {
    feature: 'displayMessages',
    because: 'Advanced User Interface: display messages (optional certification profile)',
    applies: inBlocks('O'),
  },
  {
    feature: 'monitoring',
    because: 'Advanced Device Management: monitoring (optional certification profile)',
    applies: withUseCase('N02', 'N03', 'N04', 'N05', 'N06', 'N07', 'N08'),
  },
  {
    feature: 'localController',
    because: 'Local Controller: publishing firmware (optional certification profile)',
    applies: withUseCase('L03', 'L04'),
  },
  {
    feature: 'masterPass',
    because: 'Master pass (C16): MasterPassGroupId is an optional feature of the specification',
    applies: withUseCase('C16'),
  },
  {
    feature: 'summaryInventory',
    because: 'the SummaryInventory base report is optional in the specification (B07)',
    applies: (facts) => /optional SummaryInventory/.test(facts.prerequisites),
  },
];

/** Which optional feature a test case tests and why, or undefined when it is Core. */
export function optionalFeatureOf(facts: CaseFacts): { feature: string; because: string } | undefined {
  const rule = RULES.find((candidate) => candidate.applies(facts));
  return rule && { feature: rule.feature, because: rule.because };
}
