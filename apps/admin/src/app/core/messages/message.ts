/**
 * A message of the admin panel's dictionary: a whole sentence with named placeholders (`{name}`), or the CLDR plural
 * forms of its language (Tatar needs only `other`). Never concatenate fragments.
 */
export type PluralMessage = { one?: string; few?: string; many?: string; other: string };
export type Message = string | PluralMessage;
