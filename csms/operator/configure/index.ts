import { mergeAreas } from '../../../kernel/area-registry';
import type { ConfigureActions } from '../builder-context';
import { authorizationSettings } from './authorization';
import { provisioningSettings } from './provisioning';
import { securitySettings } from './security';
import { transactionSettings } from './transactions';

const AREAS: readonly ConfigureActions[] = [provisioningSettings, securitySettings, authorizationSettings, transactionSettings];

/** Every "Configure…" setting the operator API knows, by name. */
export function allConfigureActions(): Map<string, ConfigureActions[string]> {
  return mergeAreas(AREAS, 'setting');
}
