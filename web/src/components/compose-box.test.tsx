import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api } from '../api.ts';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import { ComposeBox } from './compose-box.tsx';

function setup(onPost: (text: string) => Promise<void> = async () => {}): { textarea: HTMLTextAreaElement; post: HTMLButtonElement; counter: HTMLElement } {
  const { container } = render(<ComposeBox author="alice" onPost={onPost} />);
  return {
    textarea: screen.getByLabelText<HTMLTextAreaElement>("What's happening?"),
    post: screen.getByRole<HTMLButtonElement>('button', { name: 'Post' }),
    counter: container.querySelector('.char-counter') as HTMLElement,
  };
}

describe('ComposeBox counter', () => {
  it('counts an emoji, even a ZWJ family, once', () => {
    const { textarea, counter, post } = setup();
    fireEvent.change(textarea, { target: { value: '👨‍👩‍👧‍👦' } });
    expect(counter.textContent).toContain('1/280');
    expect(post.disabled).toBe(false);
  });

  it('trims before counting, and will not post only whitespace', () => {
    const { textarea, counter, post } = setup();
    fireEvent.change(textarea, { target: { value: '   hi   ' } });
    expect(counter.textContent).toContain('2/280');
    fireEvent.change(textarea, { target: { value: '  \n ' } });
    expect(counter.textContent).toContain('0/280');
    expect(post.disabled).toBe(true);
  });

  it('turns red and disables Post past 280 characters', () => {
    const { textarea, counter, post } = setup();
    fireEvent.change(textarea, { target: { value: 'a'.repeat(280) } });
    expect(counter.dataset.state).toBe('near');
    expect(post.disabled).toBe(false);
    fireEvent.change(textarea, { target: { value: 'a'.repeat(283) } });
    expect(counter.dataset.state).toBe('over');
    expect(counter.textContent).toContain('3 over the limit');
    expect(post.disabled).toBe(true);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('ComposeBox errors', () => {
  it('shows the API 400 next to the box and gives the text back', async () => {
    const fake = installFakeFetch({
      'POST /api/tweets': () => json(400, { error: 'must be at most 280 characters', field: 'text' }),
    });
    const { textarea, post } = setup(async (text) => {
      await api.postTweet({ author: 'alice', text });
    });
    fireEvent.change(textarea, { target: { value: '  hello world  ' } });
    fireEvent.click(post);
    expect(textarea.value).toBe('');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Text must be at most 280 characters.');
    expect(textarea.getAttribute('aria-describedby')).toContain(alert.id);
    expect(textarea.value).toBe('hello world');
    expect(fake.requests[0]?.body).toEqual({ author: 'alice', text: 'hello world' });

    // Editing clears the stale message.
    fireEvent.change(textarea, { target: { value: 'hello' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
