/**
 * Fluent's light theme with Thai fonts after Segoe UI: Latin stays Segoe, Thai falls to Leelawadee
 * UI (Windows' Thai UI font), Thonburi (macOS) or the Linux Thai fonts, never to a font that draws
 * boxes.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';

const THAI_FALLBACK = "'Leelawadee UI', Leelawadee, Thonburi, Tahoma, 'Noto Sans Thai', 'Noto Sans Thai UI', Garuda, Loma, sans-serif";

export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', ${THAI_FALLBACK}`,
};
