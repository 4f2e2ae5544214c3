import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { clickTracker } from './clicks.ts';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html must contain <div id="root">');

// Send queued clicks while the page can still send them (pagehide also fires on mobile tab switches).
window.addEventListener('pagehide', () => clickTracker.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') clickTracker.flush();
});

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
