import { describe, it, expect } from 'vitest';
import { createTagger, type TaggerOptions } from '../src/index.ts';

describe('createTagger options', () => {
  it('defaults to the local provider', async () => {
    const tagger = createTagger();
    expect(tagger.provider).toBe('local');
    expect(tagger.breakerState()).toBeNull();
    await expect(tagger.tag({ id: '1', text: 'Book club tonight, finally finished the novel 📚' })).resolves.toEqual({
      tags: ['bookworms'],
      provider: 'local',
      model: null,
    });
    await tagger.close();
  });

  it('infers openai from an apiKey or a baseURL', async () => {
    const byKey = createTagger({ apiKey: 'sk-test' });
    const byUrl = createTagger({ baseURL: 'http://127.0.0.1:11434/v1' });
    expect(byKey.provider).toBe('openai');
    expect(byUrl.provider).toBe('openai');
    expect(byKey.breakerState()).toBe('closed');
    await Promise.all([byKey.close(), byUrl.close()]);
  });

  it.each<[TaggerOptions, RegExp]>([
    [{ provider: 'openai' }, /option apiKey: .*required/],
    [{ provider: 'bedrock' as never }, /option provider:/],
    [{ timeoutMs: 0 }, /option timeoutMs: must be >= 1/],
    [{ concurrency: 1.5 }, /option concurrency: must be an integer/],
    [{ maxRetries: -1 }, /option maxRetries:/],
    [{ baseURL: 'not a url' }, /option baseURL:/],
    [{ model: '' }, /option model:/],
    [{ timeout: 100 } as never, /option timeout: is not a known option/],
    [{ breaker: { cooldownMs: 'soon' as never } }, /option breaker\.cooldownMs: must be a number/],
    [{ breaker: { minimumCalls: 100, windowSize: 10 } }, /option breaker\.minimumCalls/],
    [{ local: { maxTags: 6 } }, /option local\.maxTags/],
    [{ onEvent: 'log' as never }, /option onEvent: must be a function/],
  ])('rejects %j naming the field', (options, message) => {
    expect(() => createTagger(options)).toThrow(message);
    expect(() => createTagger(options)).toThrow(expect.objectContaining({ code: 'CONFIG' }));
  });

  it('rejects tweets without an id or text, and tweets after close', async () => {
    const tagger = createTagger();
    await expect(tagger.tag({ id: '1' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    const first = tagger.close();
    expect(tagger.close()).toBe(first);
    await first;
    await expect(tagger.tag({ id: '1', text: 'hi' })).rejects.toThrow(/closed/);
  });

  it('survives a throwing onEvent', async () => {
    const tagger = createTagger({
      onEvent: () => {
        throw new Error('metrics broke');
      },
    });
    await expect(tagger.tag({ id: '1', text: 'leg day at the gym 💪' })).resolves.toMatchObject({ tags: ['fitness_freaks'] });
  });
});
