/**
 * Field paths as the catalog writes them: `chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod`.
 * `[*]` means every element of a list.
 */
export type PathSegment = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'every' };

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+|\*)\]/g;
  let consumed = 0;
  for (const match of path.matchAll(pattern)) {
    const gap = path.slice(consumed, match.index).replace(/\./g, '');
    if (gap !== '') throw new Error(`cannot read field path "${path}"`);
    consumed = (match.index ?? 0) + match[0].length;
    if (match[1] !== undefined) segments.push({ kind: 'key', name: match[1] });
    else if (match[2] === '*') segments.push({ kind: 'every' });
    else segments.push({ kind: 'index', index: Number(match[2]) });
  }
  if (segments.length === 0 || path.slice(consumed).replace(/\./g, '') !== '') throw new Error(`cannot read field path "${path}"`);
  return segments;
}

/** A value found at a concrete path (`[*]` expanded), or its absence. */
export interface Located {
  path: string;
  present: boolean;
  value: unknown;
}

/** Every concrete location a path designates; `[*]` over an empty or missing list yields none. */
export function locate(root: unknown, path: string): Located[] {
  let current: Located[] = [{ path: '', present: true, value: root }];
  for (const segment of parsePath(path)) {
    const next: Located[] = [];
    for (const here of current) {
      const value = here.value;
      if (segment.kind === 'key') {
        const present = here.present && typeof value === 'object' && value !== null && !Array.isArray(value) && segment.name in value;
        next.push({
          path: here.path ? `${here.path}.${segment.name}` : segment.name,
          present,
          value: present ? (value as Record<string, unknown>)[segment.name] : undefined,
        });
      } else if (segment.kind === 'index') {
        const present = here.present && Array.isArray(value) && segment.index < value.length;
        next.push({ path: `${here.path}[${segment.index}]`, present, value: present ? (value as unknown[])[segment.index] : undefined });
      } else if (here.present && Array.isArray(value)) {
        value.forEach((item, index) => next.push({ path: `${here.path}[${index}]`, present: true, value: item }));
      } else {
        next.push({ path: `${here.path}[*]`, present: false, value: undefined });
      }
    }
    current = next;
  }
  return current;
}

/** The single value at a path without `[*]`, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  const [found] = locate(root, path);
  return found?.present ? found.value : undefined;
}

/** Writes a value at a path, creating objects and lists on the way (`[*]` not allowed). */
export function assignPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parsePath(path);
  let current: Record<string, unknown> | unknown[] = root;
  segments.forEach((segment, position) => {
    if (segment.kind === 'every') throw new Error(`cannot write to "${path}": [*] only reads`);
    const last = position === segments.length - 1;
    const nextSegment = segments[position + 1];
    const slot = segment.kind === 'key' ? segment.name : segment.index;
    const container = current as Record<string | number, unknown>;
    if (last) {
      container[slot] = value;
      return;
    }
    if (container[slot] === undefined || container[slot] === null || typeof container[slot] !== 'object') {
      container[slot] = nextSegment.kind === 'index' ? [] : {};
    }
    current = container[slot] as Record<string, unknown> | unknown[];
  });
}

/** Removes the value at a path, if there is one. */
export function removePath(root: Record<string, unknown>, path: string): void {
  const segments = parsePath(path);
  const last = segments[segments.length - 1];
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (segment.kind === 'every' || parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<string | number, unknown>)[segment.kind === 'key' ? segment.name : segment.index];
  }
  if (parent === null || typeof parent !== 'object') return;
  if (last.kind === 'key') delete (parent as Record<string, unknown>)[last.name];
  else if (last.kind === 'index' && Array.isArray(parent)) parent.splice(last.index, 1);
}
