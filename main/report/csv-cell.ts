/**
 * A cell Excel shows as typed: text that would start a formula (= + - @, or a tab or carriage
 * return before one) is prefixed with an apostrophe, so a tenant's object names can never run
 * as formulas on the reader's machine.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
