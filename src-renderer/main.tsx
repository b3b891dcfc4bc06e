import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first (Mantine's reset, the theme, shared components), then ours; each screen's own
// stylesheet builds on them.
import './theme/base.css';
import './styles.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
