import type { ReactElement } from 'react';

export interface TabLink {
  href: string;
  label: string;
  active: boolean;
}

/** Tabs that are links: each view has its own URL, and aria-current tells which one is open. */
export function TabsNav({ label, tabs }: { label: string; tabs: TabLink[] }): ReactElement {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <a key={tab.href} href={tab.href} className="tab" aria-current={tab.active ? 'page' : undefined}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
