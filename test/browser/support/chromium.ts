// Node-side mocha tests that drive a real Chromium (Debian's, through playwright-core), e.g. loading the
// kudos webview bundle with hostile data. Usage:
//   const browser = useChromium();            // in a describe(): launched before, closed after
//   it('…', async () => { const page = browser().page; … });
import { launchChromium, type Chromium } from '../../harness/chromium';

export { launchChromium, type Chromium } from '../../harness/chromium';

/** Launches Chromium in `before` and always closes it in `after`; returns a getter for the running instance. */
export function useChromium(opts: { viewport?: { width: number; height: number } } = {}): () => Chromium {
  let current: Chromium | undefined;
  before(async function () {
    this.timeout(60_000);
    current = await launchChromium(opts);
  });
  after(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('Chromium is not running (useChromium must be called inside describe()).');
    return current;
  };
}
