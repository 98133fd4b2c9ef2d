export { decimalSeparator, formatLocalNumber, NumberInput, parseLocalNumber } from './number-input';
