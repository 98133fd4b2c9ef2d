// Directions of activities and agreements (docs/product/glossary.md, dir_*). A first start seeds these codes; a coordinator
// may add more, so code that reads a direction from the database treats its code as a plain string.

export const DEFAULT_DIRECTION_CODES = [
  'career_guidance',
  'labour_employment',
  'culture',
  'sport_health',
  'patriotic',
  'volunteering',
  'ecology',
  'prevention',
  'other',
] as const;
export type DirectionCode = (typeof DEFAULT_DIRECTION_CODES)[number];
