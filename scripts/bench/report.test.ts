import { formatKB, formatRatio, markdownTable } from './report';

describe('markdownTable', () => {
  it('writes a header, an alignment rule and one line per row', () => {
    expect(markdownTable(['Client', 'Time'], [['fetch', '1 ms']], ['left', 'right'])).toBe(
      ['| Client | Time |', '| --- | ---: |', '| fetch | 1 ms |'].join('\n'),
    );
  });

  it('left-aligns columns without an explicit alignment', () => {
    expect(markdownTable(['A', 'B'], []).split('\n')[1]).toBe('| --- | --- |');
  });
});

describe('formatters', () => {
  it('rounds ratios to two decimals and sizes to hundredths of a kB', () => {
    expect(formatRatio(1.0449)).toBe('1.04x');
    expect(formatKB(3999)).toBe('4.00 kB');
  });
});
