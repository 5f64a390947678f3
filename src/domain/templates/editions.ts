/**
 * Where each built-in ITA edition's data comes from. Editions are data: a catalogue file can add
 * one (ITA 2570) or correct one, and says its own source.
 */
export const EDITION_SOURCES: Readonly<Record<string, string>> = {
  '2563': 'seed 002 (เทศบาลเมืองเมืองพล, ITA 2562/2563 score analysis; letter levels)',
  '2566': 'seed 001 (องค์การบริหารส่วนจังหวัดแพร่, OIT 2566: 43 items)',
  '2567': 'seed 000 (เทศบาลตำบลชุมพล, OIT 2567: o1–o35) and DOMAIN.md "The procurement items"',
  '2568': 'DOMAIN.md "Editions 2568 and 2569" (best known, one agency\'s OIT pages: O1–O28)',
  '2569': 'DOMAIN.md "Editions 2568 and 2569" (best known, one agency\'s OIT pages: O1–O26)',
};
