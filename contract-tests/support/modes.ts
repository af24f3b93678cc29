/**
 * Check groups that make sense in one mode only. In the other mode they are registered as skipped,
 * with the reason in their name, so jest counts and lists them; the global setup prints them too.
 */
import { type ContractMode, settingsFromEnv } from './settings';

const MODE_ONLY_GROUPS = {
  examples: {
    mode: 'mock',
    why: "named examples are chosen with Prism's Prefer header, which a real server ignores",
  },
  dynamic: { mode: 'mock', why: 'generated responses come from the mock' },
  requestSchemas: {
    mode: 'mock',
    why: "they test the spec's request schemas; Prism rejects those requests before any server sees them",
  },
  mockAuth: {
    mode: 'mock',
    why: "this is the mock's security check; proxy mode asks the upstream itself",
  },
  semantics: {
    mode: 'proxy',
    why: "Prism's mock answers with examples that ignore limit and filters",
  },
  upstreamAuth: {
    mode: 'proxy',
    why: 'the mock accepts any bearer token, so only a real server can refuse a wrong key',
  },
} as const satisfies Record<string, { mode: ContractMode; why: string }>;

type ModeOnlyGroup = keyof typeof MODE_ONLY_GROUPS;

export function skippedGroups(current: ContractMode): string[] {
  return Object.entries(MODE_ONLY_GROUPS)
    .filter(([, group]) => group.mode !== current)
    .map(([name, group]) => `${name} (${group.mode} mode only: ${group.why})`);
}

/** `describe` in the group's mode, a visibly named `describe.skip` in the other. */
export function describeGroup(group: ModeOnlyGroup, title: string, body: () => void): void {
  const { mode, why } = MODE_ONLY_GROUPS[group];
  const current = settingsFromEnv().mode;
  if (mode === current) describe(title, body);
  else describe.skip(`${title} [skipped in ${current} mode: ${why}]`, body);
}
