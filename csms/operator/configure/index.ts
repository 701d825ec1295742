import type { ConfigureActions } from '../builder-context';
import { authorizationSettings } from './authorization';
import { provisioningSettings } from './provisioning';
import { securitySettings } from './security';
import { transactionSettings } from './transactions';

const AREAS: readonly ConfigureActions[] = [provisioningSettings, securitySettings, authorizationSettings, transactionSettings];

/** Every "Configure…" setting the operator API knows, by name. */
export function allConfigureActions(): Map<string, ConfigureActions[string]> {
  const merged = new Map<string, ConfigureActions[string]>();
  for (const area of AREAS) {
    for (const [name, action] of Object.entries(area)) {
      if (merged.has(name)) throw new Error(`two areas define ${name}`);
      merged.set(name, action);
    }
  }
  return merged;
}
