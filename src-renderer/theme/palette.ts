/**
 * The colours of Dropline's one theme, in light and dark. Every pair that
 * carries text is checked against WCAG AA (4.5:1) by
 * test/unit/renderer/theme-contrast.test.ts, so a change here that lowers
 * contrast fails the tests rather than a reader.
 */
export const brand = [
  '#fff0f1',
  '#ffdde0',
  '#fbb9bf',
  '#f6909a',
  '#f26b79',
  '#ee4c5d',
  '#e33347',
  '#c8233a',
  '#a91a30',
  '#8a1127',
] as const;

/** Mantine's `dark` scale: 0 is text, 2 dimmed text, 4 borders, 6 panels, 7 the page. */
export const dark = [
  '#e8eaed',
  '#c5cad3',
  '#a4abb6',
  '#8b93a0',
  '#3a3f48',
  '#2a2e35',
  '#1e2127',
  '#15171b',
  '#101215',
  '#0b0c0e',
] as const;

export interface SchemeColors {
  /** The page behind panels. */
  page: string;
  /** Cards, dialogs, inputs. */
  panel: string;
  text: string;
  dimmed: string;
  border: string;
  link: string;
  /** Filled primary buttons carry white text. */
  primaryFilled: string;
  primaryFilledHover: string;
  /** The tinted background of a selected item, with `text` on it. */
  selected: string;
  success: string;
  warning: string;
  error: string;
  /** Soft backgrounds of banners and pills; `warning`/`error`/`success` text sits on them. */
  successSoft: string;
  warningSoft: string;
  errorSoft: string;
  infoSoft: string;
  info: string;
  focus: string;
}

export const light: SchemeColors = {
  page: '#f6f7f9',
  panel: '#ffffff',
  text: '#1c1f24',
  dimmed: '#5a616d',
  border: '#d5dae1',
  link: '#b81d33',
  primaryFilled: brand[7],
  primaryFilledHover: brand[8],
  selected: '#fde8eb',
  success: '#17733e',
  warning: '#7a4f00',
  error: '#b3261e',
  successSoft: '#e3f5ea',
  warningSoft: '#fff4d6',
  errorSoft: '#fde2e2',
  infoSoft: '#e3eefc',
  info: '#1d4f91',
  focus: '#1a5fd0',
};

export const darkScheme: SchemeColors = {
  page: dark[7],
  panel: dark[6],
  text: dark[0],
  dimmed: dark[2],
  border: dark[4],
  link: '#ff8a96',
  primaryFilled: brand[7],
  primaryFilledHover: brand[8],
  selected: '#3a1d23',
  success: '#6fdc9a',
  warning: '#f3d98b',
  error: '#ffb3bd',
  successSoft: '#173324',
  warningSoft: '#3b3217',
  errorSoft: '#43191e',
  infoSoft: '#1b2a40',
  info: '#a9c8f5',
  focus: '#7fb0ff',
};

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
