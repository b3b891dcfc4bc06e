import { MantineProvider } from '@mantine/core';
import { useColorScheme } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useSettings } from '../state/settings-store.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/**
 * Mantine with Dropline's theme, in the scheme the user chose (or the
 * system's). Mantine injects no <style> element: its variables come from
 * the generated mantine-vars.css and its global classes from global.css.
 */
export function AppTheme({ children }: { children: ReactNode }) {
  const choice = useSettings((s) => s.settings?.theme ?? 'system');
  const system = useColorScheme('light', { getInitialValueInEffect: false });
  const scheme = choice === 'system' ? system : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = choice;
  }, [choice]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      withCssVariables={false}
      withGlobalClasses={false}
      forceColorScheme={scheme}
    >
      {children}
    </MantineProvider>
  );
}
