/**
 * Handlers, request builders and settings are written one file per functional area and merged by
 * name here: an area may not define what another already does, and a registry that must be
 * complete (every action of a direction) says which names are missing.
 */
export function mergeAreas<V>(
  areas: ReadonlyArray<Readonly<Record<string, V | undefined>>>,
  what: string,
  required: readonly string[] = [],
): Map<string, V> {
  const merged = new Map<string, V>();
  for (const area of areas) {
    for (const [name, entry] of Object.entries(area)) {
      if (entry === undefined) continue;
      if (merged.has(name)) throw new Error(`two areas define the ${what} of ${name}`);
      merged.set(name, entry);
    }
  }
  const missing = required.filter((name) => !merged.has(name));
  if (missing.length > 0) throw new Error(`no ${what} for ${missing.join(', ')}`);
  return merged;
}
