import type { ReactElement } from 'react';
import { paths } from '../router.ts';
import { Avatar } from './avatar.tsx';

export function UserList({ users, label }: { users: readonly string[]; label: string }): ReactElement | null {
  if (users.length === 0) return null;
  return (
    <ul className="user-list" aria-label={label}>
      {users.map((user) => (
        <li key={user}>
          <a className="user-row" href={paths.profile(user)}>
            <Avatar handle={user} />
            <span>@{user}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
