/**
 * The two severity icons, drawn inline: the pane needs only these, and a whole icon package for
 * two glyphs is not worth a dependency.
 */
import { tokens } from '@fluentui/react-components';

interface IconProps {
  readonly label: string;
}

export function ErrorIcon({ label }: IconProps) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" role="img" aria-label={label} style={{ flex: 'none' }}>
      <circle cx="8" cy="8" r="7" fill={tokens.colorStatusDangerForeground1} />
      <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

export function WarningIcon({ label }: IconProps) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" role="img" aria-label={label} style={{ flex: 'none' }}>
      <path d="M8 1.5l7 12.5H1z" fill={tokens.colorStatusWarningForeground1} strokeLinejoin="round" />
      <path d="M8 6v4" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12" r="0.9" fill="#fff" />
    </svg>
  );
}
