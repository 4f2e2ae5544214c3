import { describe, expect, it } from 'vitest';
import { parseSamples } from '../src/prom-text.ts';

describe('parseSamples', () => {
  it('reads names, labels and values, skipping comments and blank lines', () => {
    const text = [
      '# HELP x_total Things',
      '# TYPE x_total counter',
      '',
      'x_total{a="1",b="two"} 3',
      'up 1 1712345678000',
      'h_bucket{le="+Inf"} 4',
      'g{} -2.5e-3',
    ].join('\n');
    expect(parseSamples(text)).toEqual([
      { name: 'x_total', labels: { a: '1', b: 'two' }, value: 3 },
      { name: 'up', labels: {}, value: 1 },
      { name: 'h_bucket', labels: { le: '+Inf' }, value: 4 },
      { name: 'g', labels: {}, value: -0.0025 },
    ]);
  });

  it('unescapes label values', () => {
    const [sample] = parseSamples('m{path="a\\"b\\\\c\\nd",x="}"} 1');
    expect(sample?.labels).toEqual({ path: 'a"b\\c\nd', x: '}' });
  });

  it('reads the special values', () => {
    expect(parseSamples('a +Inf\nb -Inf\nc NaN').map((s) => s.value)).toEqual([Infinity, -Infinity, NaN]);
  });

  it('keeps only the names asked for', () => {
    expect(parseSamples('a 1\nb 2\na{x="y"} 3', (n) => n === 'a').map((s) => s.value)).toEqual([1, 3]);
  });

  it('skips malformed lines', () => {
    expect(parseSamples('a{x="unterminated} 1\nb{x=1} 2\nc\nd notanumber\ne 5')).toEqual([{ name: 'e', labels: {}, value: 5 }]);
  });
});
