/**
 * Check groups that make sense in one mode only. In the other mode each is registered as one
 * skipped test, with the reason in its name, so jest counts and lists it; the global setup prints
 * them too. The group's body (and whatever it needs from that mode) runs in its mode only.
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
    why: "they test the spec's request schemas with Prism's request validation",
  },
  mockAuth: { mode: 'mock', why: "this is the mock's security check" },
  mockConformance: {
    mode: 'mock',
    why: 'it checks the client on the mock; proxy mode checks the server with src/contract',
  },
  provider: {
    mode: 'proxy',
    why: 'the contract checks need a real server: Prism’s mock ignores limit and filters and accepts any key',
  },
} as const satisfies Record<string, { mode: ContractMode; why: string }>;

type ModeOnlyGroup = keyof typeof MODE_ONLY_GROUPS;

export function skippedGroups(current: ContractMode): string[] {
  return Object.entries(MODE_ONLY_GROUPS)
    .filter(([, group]) => group.mode !== current)
    .map(([name, group]) => `${name} (${group.mode} mode only: ${group.why})`);
}

/** `describe` in the group's mode, a visibly named skipped test in the other. */
export function describeGroup(group: ModeOnlyGroup, title: string, body: () => void): void {
  const { mode, why } = MODE_ONLY_GROUPS[group];
  const current = settingsFromEnv().mode;
  if (mode === current) describe(title, body);
  else it.skip(`${title} [skipped in ${current} mode: ${why}]`, () => undefined);
}
