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
