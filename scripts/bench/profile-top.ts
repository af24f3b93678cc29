/**
 * The functions that spent the most self time in a V8 CPU profile (`node --cpu-prof`, or
 * `npm run bench -- --cpu-prof`): `tsx scripts/bench/profile-top.ts <file.cpuprofile> [match]`
 * lists the top 15, only those whose script URL contains `match` when it is given.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  /** Microseconds between consecutive samples; sample i was taken timeDeltas[i] after i - 1. */
  timeDeltas: number[];
}

export interface SelfTime {
  /** `name url:line` (line 1-based), `(anonymous)` for unnamed functions. */
  frame: string;
  url: string;
  ms: number;
  share: number;
}

export function selfTimes(profile: CpuProfile): SelfTime[] {
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, { url: string; us: number }>();
  let allUs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's time is the gap until the next sample (the last one gets none).
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = frameOf.get(id);
    if (!frame) return;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url}:${frame.lineNumber + 1}`;
    const total = totals.get(name) ?? { url: frame.url, us: 0 };
    total.us += us;
    totals.set(name, total);
    allUs += us;
  });
  return [...totals]
    .map(([frame, { url, us }]) => ({ frame, url, ms: us / 1000, share: allUs ? us / allUs : 0 }))
    .sort((a, b) => b.ms - a.ms);
}

if (require.main === module) {
  const [file, match = ''] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx scripts/bench/profile-top.ts <file.cpuprofile> [url substring]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  for (const { frame, ms, share } of selfTimes(profile)
    .filter((t) => t.url.includes(match))
    .slice(0, 15)) {
    console.log(
      `${ms.toFixed(1).padStart(9)} ms ${(share * 100).toFixed(1).padStart(5)}%  ${frame}`,
    );
  }
}
