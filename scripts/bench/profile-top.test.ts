import { type CpuProfile, selfTimes } from './profile-top';

const frame = (functionName: string, url: string, lineNumber: number) => ({
  functionName,
  url,
  lineNumber,
});

describe('selfTimes', () => {
  it('charges each sample the time until the next one and sums per function', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '', -1) },
        { id: 2, callFrame: frame('send', 'file:///dist/index.mjs', 9) },
        { id: 3, callFrame: frame('', 'file:///dist/index.mjs', 40) },
      ],
      samples: [2, 3, 2, 1],
      timeDeltas: [0, 1000, 3000, 2000],
    };
    expect(selfTimes(profile)).toEqual([
      { frame: 'send file:///dist/index.mjs:10', url: 'file:///dist/index.mjs', ms: 3, share: 0.5 },
      {
        frame: '(anonymous) file:///dist/index.mjs:41',
        url: 'file:///dist/index.mjs',
        ms: 3,
        share: 0.5,
      },
      { frame: '(root) :0', url: '', ms: 0, share: 0 },
    ]);
  });
});
