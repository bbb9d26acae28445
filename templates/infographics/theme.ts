// The look of every card. An agency restyles here (and in parts.ts); the data comes from the engine.
// Primary and accent come from content/organisation.yaml (branding.colors).
import type { Organisation } from '../../src/model/types.ts';
import type { Theme } from '../../src/infographics/types.ts';

export function theme(organisation: Organisation): Theme {
  const { primary, accent } = organisation.branding.colors;
  return {
    primary,
    accent,
    ink: '#1B2430',
    muted: '#5B6573',
    background: '#FFFFFF',
    panel: '#F3F5F9',
    track: '#DDE2EA',
    onPrimary: '#FFFFFF',
    good: '#2E7D32',
    warn: '#C77700',
    bad: '#C62828',
    fontFamily: 'Sarabun',
  };
}

/** Type scale (px) shared by the 1080-wide cards. */
export const type = { hero: 80, title: 40, h2: 32, body: 26, small: 22, tiny: 19 } as const;
/** Line height: stacked Thai marks need 1.5 or more above a line. */
export const leading = 1.5;
