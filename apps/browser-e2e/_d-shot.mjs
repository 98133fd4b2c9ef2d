import { chromium } from 'playwright-core';
import { openAdmin, logIn, COORDINATOR, SCHOOL, PARTNER } from '/work/wt-d/apps/browser-e2e/admin.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const [who, width, path, out, lang] = process.argv.slice(2);
const user = { c: COORDINATOR, s: SCHOOL, p: PARTNER }[who];
const { page, context } = await openAdmin(browser, 'http://127.0.0.1:3917', { width: Number(width) });
await logIn(page, user);
if (lang) { await page.evaluate((l) => localStorage.setItem('socium.lang', l), lang); }
await page.goto('http://127.0.0.1:3917/admin/' + path);
await page.waitForTimeout(4000);
console.log(JSON.stringify({ main: await page.locator('main').boundingBox(), nav: await page.getByTestId('nav').boundingBox(), h1: await page.locator('h1').boundingBox() }));
await page.screenshot({ path: out });
await browser.close();
