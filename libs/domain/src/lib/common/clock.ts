import { LocalDate } from './local-date';

/** Time is an input: the domain asks a Clock, the edge decides which one. */
export interface Clock {
  today(): LocalDate;
}
