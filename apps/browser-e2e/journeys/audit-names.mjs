// The audit log names a deleted record, at 1366 and 390 px: a partner registered, edited 40 times and deleted
// through the API (42 entries, 20 a page, newest first). The first page heads every entry with the partner's short
// name — the deletion's snapshot names it, the edits (which hold only the changed address) borrow that name; the
// second page holds only edits, none naming it: «(запись удалена)», never the id; the third page's creation names it
// again. Screenshots under tmp/screenshots.
import { apiAs, axeViolations, COORDINATOR, fits, logIn, openAdmin, screenshot, until } from '../admin.mjs';

/** A partner registered, edited `edits` times and deleted by the coordinator through the API; its id. */
async function deletedPartner(apiBase, short, slug, edits) {
  const { send } = await apiAs(apiBase, COORDINATOR);
  let org = await send('POST', '/organisations', {
    kind: 'partner',
    name: `Общество с ограниченной ответственностью «${short}»`,
    shortName: short,
    slug,
    partnerType: 'employer',
  });
  for (let i = 1; i <= edits; i++)
    org = await send('PATCH', `/organisations/${org.id}`, { version: org.version, address: `ул. Садовая, ${i}` });
  await send('DELETE', `/organisations/${org.id}`);
  return org.id;
}

export default async function ({ browser, apiBase, check, expect }) {
  for (const width of [1366, 390]) {
    await check(
      `audit log: a deleted partner's entries are headed by its name, or «(запись удалена)» where no entry on the page names it (${width} px)`,
      async () => {
        const tag = `${width}-${Date.now().toString(36)}`;
        const short = `Артель ${tag}`;
        const id = await deletedPartner(apiBase, short, `artel-${tag}`, 40);
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(page, COORDINATOR);
          await page.goto(`${apiBase}/admin/audit?objectType=organisation&objectId=${id}`);
          const entries = page.getByTestId('aud-entry');
          await until(async () => (await entries.count()) === 20, 'the first page of the history');
          const heads = await entries.locator('mat-expansion-panel-header').allInnerTexts();
          expect(
            heads[0].includes('Удаление') && heads.every((h) => h.includes(`«${short}»`)),
            `every entry of the first page is headed by «${short}»: ${heads.slice(0, 3).join(' / ')}`,
          );
          expect(!heads.some((h) => h.includes(id)), 'no heading shows the id');
          const violations = await axeViolations(page);
          expect(violations.length === 0, `axe: ${violations.join('; ')}`);
          await fits(page, width, expect, 'the audit log of a deleted record');
          await screenshot(page, `audit-deleted-named-${width}.png`);

          const next = page.getByRole('button', { name: 'Следующая страница' });
          await next.click();
          const firstHead = async () => entries.first().locator('mat-expansion-panel-header').innerText();
          await until(async () => !(await firstHead()).includes('Удаление'), 'the second page of the history');
          const middle = await entries.locator('mat-expansion-panel-header').allInnerTexts();
          expect(
            middle.length === 20 && middle.every((h) => h.includes('Изменение') && h.includes('(запись удалена)')),
            `the second page's edits say «(запись удалена)»: ${middle.slice(0, 2).join(' / ')}`,
          );
          expect(!middle.some((h) => h.includes(id)), 'no heading on the second page shows the id');
          await screenshot(page, `audit-deleted-unnamed-${width}.png`);

          await next.click();
          await until(async () => (await entries.count()) === 2, 'the third page of the history');
          const oldest = await entries.locator('mat-expansion-panel-header').allInnerTexts();
          expect(
            oldest.some((h) => h.includes('Создание')) && oldest.every((h) => h.includes(`«${short}»`)),
            `the third page: the creation names the partner, and the first edit with it: ${oldest.join(' / ')}`,
          );
          expect(errors.length === 0, `console errors: ${errors.join('; ')}`);
        } finally {
          await context.close();
        }
      },
    );
  }
}
