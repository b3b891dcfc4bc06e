import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first (Mantine's reset, the theme, shared components), then ours; each screen's own
// stylesheet builds on them.
import './theme/base.css';
import './styles.css';
import { App } from './App.tsx';
import { loadScreen } from './screen-modules.ts';
import { useNavigation } from './state/navigation-store.ts';

const root = document.getElementById('root');
if (root) {
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // The first screen's chunk is asked for now and the window renders once it is in, whole, rather
  // than a frame first and the screen a Suspense reveal later. If it fails to load, the window
  // renders anyway and the screen's lazy fallback asks again.
  loadScreen(useNavigation.getState().screen).then(render, render);
}
