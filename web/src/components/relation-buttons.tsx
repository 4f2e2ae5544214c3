import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { errorMessage } from '../error-message.ts';
import type { Relation } from '../types.ts';

/** Mute / Unmute and Block / Unblock on someone else's profile. Optimistic: the change is applied from Kafka a moment later. */
export function RelationButtons({ viewer, handle }: { viewer: string; handle: string }): ReactElement | null {
  const [relation, setRelation] = useState<Relation | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    api.getRelation(viewer, handle, controller.signal).then(
      (r) => setRelation(r),
      () => undefined,
    );
    return () => controller.abort();
  }, [viewer, handle]);
  if (relation === null) return null;

  async function toggle(kind: 'mute' | 'block'): Promise<void> {
    if (relation === null) return;
    const on = kind === 'mute' ? !relation.muted : !relation.blocked;
    if (kind === 'block' && on && !window.confirm(`Block @${handle}? You will unfollow each other.`)) return;
    setError('');
    const before = relation;
    setRelation(kind === 'mute' ? { ...relation, muted: on } : { ...relation, blocked: on });
    try {
      await api.setRelation(viewer, kind, handle, on);
    } catch (e) {
      setRelation(before);
      setError(errorMessage(e) || 'Could not update. Try again.');
    }
  }

  return (
    <div className="relation-buttons">
      <button type="button" className="button button-secondary button-small" onClick={() => void toggle('mute')}>
        {relation.muted ? 'Unmute' : 'Mute'}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={() => void toggle('block')}>
        {relation.blocked ? 'Unblock' : 'Block'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
