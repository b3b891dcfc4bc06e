import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { brand, dark, darkScheme, light, type SchemeColors } from './palette.ts';

/**
 * Dropline's one theme: Mantine's components with our colours, spacing and
 * type. Its CSS variables are generated into mantine-vars.css
 * (`npm run theme:css`) instead of being injected as a <style> element at
 * run time, which the renderer's CSP (`style-src 'self'`) would refuse.
 */
export const theme = createTheme({
  colors: {
    brand: brand as unknown as MantineColorsTuple,
    dark: dark as unknown as MantineColorsTuple,
  },
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 7 },
  white: light.panel,
  black: light.text,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  fontFamilyMonospace: "ui-monospace, 'SF Mono', Menlo, Consolas, monospace",
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  autoContrast: true,
  luminanceThreshold: 0.4,
  components: {
    Tooltip: {
      defaultProps: {
        openDelay: 300,
        withArrow: true,
        events: { hover: true, focus: true, touch: true },
      },
    },
    Modal: {
      defaultProps: {
        centered: true,
        overlayProps: { backgroundOpacity: 0.45 },
        // Mantine's close button is an icon only: give it a name screen readers say.
        closeButtonProps: { 'aria-label': 'Close' },
      },
    },
    Button: { defaultProps: { variant: 'default' } },
  },
});

function schemeVariables(c: SchemeColors): Record<string, string> {
  return {
    '--mantine-color-text': c.text,
    '--mantine-color-body': c.panel,
    '--mantine-color-dimmed': c.dimmed,
    '--mantine-color-anchor': c.link,
    '--mantine-color-error': c.error,
    '--mantine-color-success': c.success,
    '--mantine-color-placeholder': c.dimmed,
    '--mantine-color-default': c.panel,
    '--mantine-color-default-border': c.border,
    '--mantine-color-brand-filled': c.primaryFilled,
    '--mantine-color-brand-filled-hover': c.primaryFilledHover,
    '--mantine-color-brand-light': c.selected,
    '--mantine-color-brand-light-color': c.text,
    '--dl-page': c.page,
    '--dl-panel': c.panel,
    '--dl-text': c.text,
    '--dl-dimmed': c.dimmed,
    '--dl-border': c.border,
    '--dl-link': c.link,
    '--dl-selected': c.selected,
    '--dl-success': c.success,
    '--dl-warning': c.warning,
    '--dl-error': c.error,
    '--dl-success-soft': c.successSoft,
    '--dl-warning-soft': c.warningSoft,
    '--dl-error-soft': c.errorSoft,
    '--dl-info-soft': c.infoSoft,
    '--dl-info': c.info,
    '--dl-focus': c.focus,
  };
}

/** Our colour pairs over Mantine's defaults (its dimmed grey and red links miss AA). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: schemeVariables(light),
  dark: {
    ...schemeVariables(darkScheme),
    '--mantine-color-default': dark[5],
    '--mantine-color-default-hover': dark[4],
  },
});
