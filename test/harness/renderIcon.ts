// Renders media/icon.png (256x256, the Marketplace icon) from the SVG below with Chromium:
//   npm run build:tests && node dist-test/harness/renderIcon.js
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { repoRoot } from './paths';

// Three people (a team) on a teal rounded square, the middle one in front, with a small heart (kudos).
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#14b8a6"/>
      <stop offset="1" stop-color="#0f766e"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="52" fill="url(#bg)"/>
  <g fill="#ccfbf1">
    <circle cx="72" cy="100" r="24"/>
    <path d="M30 184c0-30 19-52 42-52s42 22 42 52z"/>
    <circle cx="184" cy="100" r="24"/>
    <path d="M142 184c0-30 19-52 42-52s42 22 42 52z"/>
  </g>
  <g fill="#ffffff" stroke="#0f766e" stroke-width="6">
    <circle cx="128" cy="92" r="30"/>
    <path d="M74 206c0-38 24-66 54-66s54 28 54 66z"/>
  </g>
  <path fill="#fb7185" d="M128 196c-14-10-24-18-24-28 0-7 5-12 12-12 5 0 9 3 12 7 3-4 7-7 12-7 7 0 12 5 12 12 0 10-10 18-24 28z"/>
</svg>`;

async function main(): Promise<void> {
  const browser = await launchChromium({ viewport: { width: 256, height: 256 } });
  try {
    await browser.page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
    const out = join(repoRoot, 'media', 'icon.png');
    await browser.page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`Saved ${out}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
