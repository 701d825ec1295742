import type { IdTokenEnumType, IdTokenType } from '../../../../schemas/ocpp201-messages';
import type { Config } from '../../../../kernel/config';
import { configuredValue } from '../../../validation/configured-values';

/**
 * An idToken named in words, as the scenarios do: "the configured valid idToken" is the value of
 * that phrase with the type of "the configured valid idToken type"; "the configured eMAID" is the
 * contract certificate's eMAID, of type eMAID.
 */
export function configuredIdToken(config: Config, phrase: string): IdTokenType {
  const words = phrase.trim();
  if (words === 'the configured eMAID') return { idToken: String(configuredValue(config, words)), type: 'eMAID' };
  return { idToken: String(configuredValue(config, words)), type: configuredValue(config, `${words} type`) as IdTokenEnumType };
}
