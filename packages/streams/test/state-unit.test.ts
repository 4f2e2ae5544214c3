import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChirpError } from '@chirp/core';
import { defineGroup, emptyMarks, isApplied, jsonCodec, KeyedMutex, lookup, markApplied, MARK_LIMITS, output, stream, Tester } from '@chirp/streams';

describe('applied marks', () => {
  const at = (offset: number) => ({ topic: 'in', offset: String(offset) });

  it('passes offsets in order and treats anything at or below as applied', () => {
    let marks = markApplied(undefined, new Set(), at(5), 'a');
    expect(isApplied(marks, new Set(), at(5))).toBe(true);
    expect(isApplied(marks, new Set(), at(4))).toBe(true);
    expect(isApplied(marks, new Set(), at(6))).toBe(false);
    marks = markApplied(marks, new Set(), at(9));
    expect(marks.offsets).toEqual({ in: '9' });
    expect(isApplied(marks, new Set(), { topic: 'other', offset: '1' })).toBe(false); // offsets are per topic
  });

  it('keeps a failed message applicable until it is applied, even once later offsets passed it', () => {
    const failed = new Set(['in@3']);
    let marks = markApplied(emptyMarks(), failed, at(7)); // written with the next record of the key
    expect(marks.pending).toEqual(['in@3']);
    expect(isApplied(marks, new Set(), at(3))).toBe(false);
    marks = markApplied(marks, new Set(), at(3));
    expect(marks.pending).toEqual([]);
    expect(marks.offsets).toEqual({ in: '7' }); // the offset never goes back
    expect(isApplied(marks, new Set(), at(3))).toBe(true);
  });

  it('recognises the same event id under another offset, and bounds what it remembers', () => {
    let marks = emptyMarks();
    for (let i = 0; i < 100; i++) marks = markApplied(marks, new Set(), at(i), `id${i}`);
    expect(isApplied(marks, new Set(), at(1000), 'id99')).toBe(true);
    expect(marks.recent).toHaveLength(MARK_LIMITS.recent);
    expect(isApplied(marks, new Set(), at(1000), 'id0')).toBe(false);
  });
});

describe('KeyedMutex', () => {
  it('runs one task per key at a time, in call order, keys in parallel; a failure does not block the key', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (key: string, name: string, ms: number, fail = false) =>
      mutex.run(key, async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a', 'a1', 20, true), task('a', 'a2', 1), task('b', 'b1', 5)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    expect(mutex.size).toBe(0);
  });
});

describe('Tester', () => {
  const word = z.object({ word: z.string() });
  const total = z.object({ words: z.number().int(), last: z.string() });
  const lengths = lookup('lengths', jsonCodec(z.object({ len: z.number().int() })));
  const long = output('long-words', jsonCodec(word));
  const graph = defineGroup<z.infer<typeof total>>({
    group: 'words',
    table: total,
    lookups: [lengths],
    outputs: [long],
    inputs: [
      stream('words', jsonCodec(word), (ctx, m) => {
        const len = ctx.lookup(lengths, m.value.word);
        if (!len) throw new ChirpError('UPSTREAM', 'unknown word', { retriable: true });
        if (len.len > 5) ctx.emit(long, ctx.key, m.value);
        ctx.setValue({ words: (ctx.value()?.words ?? 0) + 1, last: m.value.word });
      }),
    ],
  });

  it('runs a group without Kafka: table state, changelog, emitted messages, lookups', async () => {
    const t = new Tester(graph);
    t.setLookup(lengths, 'hi', { len: 2 });
    t.setLookup(lengths, 'goodbye', { len: 7 });
    await t.consume('words', 'u1', { word: 'hi' });
    await t.consume('words', 'u1', { word: 'goodbye' });
    await t.consume('words', 'u2', { word: 'hi' }, { partition: 1 });
    expect(t.value('u1')).toEqual({ words: 2, last: 'goodbye' });
    expect(t.value('u2')).toEqual({ words: 1, last: 'hi' });
    expect(t.keys().sort()).toEqual(['u1', 'u2']);
    expect(t.changelog('u1').map((r) => r.marks.offsets)).toEqual([{ words: '0' }, { words: '1' }]);
    expect(t.emitted(long)).toEqual([{ key: 'u1', value: { word: 'goodbye' } }]);
  });

  it('leaves the state alone when the handler throws, and validates messages through the codec', async () => {
    const t = new Tester(graph);
    await expect(t.consume('words', 'u1', { word: 'mystery' })).rejects.toMatchObject({ code: 'UPSTREAM' });
    expect(t.value('u1')).toBeUndefined();
    expect(() => t.message('words', 'u1', { word: 42 })).toThrow(/refusing to encode/);
    expect(() => t.message('nope', 'u1', {})).toThrow(/no input nope/);
  });

  it('refuses a definition that names a topic twice', () => {
    expect(() => defineGroup({ ...graph, lookups: [lookup('words', jsonCodec(word))] })).toThrow(/named twice/);
  });
});
