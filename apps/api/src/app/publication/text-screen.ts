import { screenPublicText, type PublicTextFinding, type PublicTextScreen } from '@socium/domain';

/**
 * `screenPublicText` remembering the findings of the last `kept` texts it screened: every list and public page
 * screens the activities it shows, mostly the same texts again. The findings depend on the text alone and are
 * frozen, so a repeated text costs a lookup; the memory decides nothing a fresh screening would not (each process
 * may keep its own).
 */
export function rememberingScreen(kept = 5000): PublicTextScreen {
  const screened = new Map<string, readonly PublicTextFinding[]>();
  return (text) => {
    if (!text) return screenPublicText(text);
    const known = screened.get(text);
    if (known) return known;
    const found = screenPublicText(text);
    if (screened.size >= kept) screened.delete(screened.keys().next().value as string);
    screened.set(text, found);
    return found;
  };
}

/** The API's screening of public text (one memory for the process). */
export const screenText: PublicTextScreen = rememberingScreen();
