/** Types text into a field as a user does: the text, then leaving the field (for specs only). */
export function typeInto(field: HTMLInputElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('blur'));
}

/** The message under a Material form field (its `mat-error`), or null when none shows. */
export function messageUnder(field: HTMLElement): string | null {
  return field.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() || null;
}

/** Types text into a field, lets the page settle (`stable`), and answers the message under the field, or null. */
export async function messageAfterTyping(
  field: HTMLInputElement,
  text: string,
  stable: () => Promise<unknown>,
): Promise<string | null> {
  typeInto(field, text);
  await stable();
  return messageUnder(field);
}

/**
 * Lets a list's search box settle after typing or a reset: the page first (the box feeds its debounce from an effect,
 * which runs with the change detection), then longer than the debounce, then the page again. Waiting before the
 * effect has run raced the debounce on a loaded machine.
 */
export async function afterDebounce(stable: () => Promise<unknown>, ms = 350): Promise<void> {
  await stable();
  await new Promise((r) => setTimeout(r, ms));
  await stable();
}
