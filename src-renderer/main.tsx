import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first: each screen's own stylesheet builds on them.
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
