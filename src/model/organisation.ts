// The organisation: units, fund strategies, branding (the logo file resolved once), digit settings.
import { resolveLogo } from '../assets/logo.ts';
import type { LoadedContent } from '../loader/load-content.ts';
import type { OrganisationData } from '../schema/index.ts';
import type { Organisation } from './types.ts';

export function buildOrganisation(d: OrganisationData, content: LoadedContent): Organisation {
  const logo = d.branding.logo;
  const logoPath = logo ? resolveLogo(logo, content.contentDir, content.root) : undefined;
  return {
    name: d.name,
    shortName: d.short_name,
    parents: d.parents,
    units: d.units.map((u) => ({ id: u.id, name: u.name })),
    strategies: d.strategies.map((s) => ({ id: s.id, number: s.number, name: s.name, projectIds: [] })),
    branding: { logo, logoPath, colors: { ...d.branding.colors }, font: d.branding.font },
    display: { digits: d.display.digits, headingDigits: d.display.heading_digits, pageNumberDigits: d.display.page_number_digits },
    siteUrl: d.site.url,
    keepTogether: d.keep_together,
  };
}
