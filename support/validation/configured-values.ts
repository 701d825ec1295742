import type { Config, VariableName } from '../../kernel/config';

/**
 * How scenarios name configured values in words (the catalog's `<Configured evseId>` reads
 * "the configured EVSE"). Each phrase resolves to a configuration variable.
 */
export const CONFIGURED_PHRASES: Readonly<Record<string, VariableName>> = {
  'the configured EVSE': 'CONFIGURED_EVSE_ID',
  'the configured connector': 'CONFIGURED_CONNECTOR_ID',
  'the configured connector type': 'CONFIGURED_CONNECTOR_TYPE',
  'the configured number of phases': 'CONFIGURED_NUMBER_PHASES',
  'the configured model': 'CONFIGURED_CP_MODEL',
  'the configured vendor name': 'CONFIGURED_CP_VENDOR',
  'the configured station': 'BASIC_AUTH_CP',
  'the configured password': 'BASIC_AUTH_CP_PASSWORD',
  'the configured new password': 'NEW_BASIC_AUTH_PASSWORD',
  'the configured security profile 2 station': 'SECURITY_PROFILE_2_CP',
  'the configured security profile 3 station': 'SECURITY_PROFILE_3_CP',
  'the configured valid idToken': 'VALID_ID_TOKEN',
  'the configured valid idToken type': 'VALID_ID_TOKEN_TYPE',
  'the configured second valid idToken': 'VALID_ID_TOKEN_2',
  'the configured second valid idToken type': 'VALID_ID_TOKEN_TYPE_2',
  'the configured invalid idToken': 'INVALID_ID_TOKEN',
  'the configured invalid idToken type': 'INVALID_ID_TOKEN_TYPE',
  'the configured blocked idToken': 'BLOCKED_ID_TOKEN',
  'the configured blocked idToken type': 'BLOCKED_ID_TOKEN_TYPE',
  'the configured expired idToken': 'EXPIRED_ID_TOKEN',
  'the configured expired idToken type': 'EXPIRED_ID_TOKEN_TYPE',
  'the configured group id': 'GROUP_ID',
  'the configured master pass idToken': 'MASTERPASS_ID_TOKEN',
  'the configured master pass idToken type': 'MASTERPASS_ID_TOKEN_TYPE',
  'the configured master pass group id': 'MASTERPASS_GROUP_ID',
  'the configured local list version': 'LOCAL_LIST_VERSION',
  'the configured local list idToken': 'LOCAL_AUTH_LIST_ID_TOKEN',
  'the configured local list idToken type': 'LOCAL_AUTH_LIST_ID_TOKEN_TYPE',
  'the configured second local list idToken': 'LOCAL_AUTH_LIST_ID_TOKEN_2',
  'the configured second local list idToken type': 'LOCAL_AUTH_LIST_ID_TOKEN_TYPE_2',
  'the configured transaction duration': 'TRANSACTION_DURATION',
  'the configured configuration slot': 'CONFIGURED_CONFIGURATION_SLOT',
  'the configured message timeout': 'CONFIGURED_MESSAGE_TIMEOUT',
  'the configured CSMS URL': 'CONFIGURED_OCPP_CSMS_URL',
  'the configured OCPP interface': 'CONFIGURED_OCPP_INTERFACE',
  'the configured security profile': 'CONFIGURED_SECURITY_PROFILE',
  'the configured stack level': 'CONFIGURED_STACK_LEVEL',
  'the configured charging rate unit': 'CONFIGURED_CHARGING_RATE_UNIT',
  'the configured charging schedule duration': 'CONFIGURED_CHARGING_SCHEDULE_DURATION',
  'the configured cost per kWh': 'COST_PER_KWH',
  'the configured vendor id': 'CONFIGURED_VENDOR_ID',
  'the configured message id': 'CONFIGURED_MESSAGE_ID',
  'the configured eMAID': 'CONTRACT_CERT_EMAID',
};

export function configuredValue(config: Config, phrase: string): unknown {
  const name = CONFIGURED_PHRASES[phrase];
  if (!name) {
    throw new Error(`unknown configured value "${phrase}"; known: ${Object.keys(CONFIGURED_PHRASES).join(', ')}`);
  }
  return config[name];
}
