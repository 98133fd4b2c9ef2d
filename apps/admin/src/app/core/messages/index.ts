// The admin panel's dictionary, one module per language: Russian (default), Tatar, English.
export { en } from './en';
export type { Message, PluralMessage } from './message';
export { type Dictionary, type MessageKey, ru } from './ru';
export { tt } from './tt';
