import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import { applyToDocument, isRtl, savedLocale, translate } from './i18n/locale';
import './styles.css';
import './casework.css';
import { VaultClosed } from './vault';

// The last language chosen lays out the sign-in screen too (the country's list comes after sign-in).
const saved = savedLocale();
if (saved) applyToDocument(saved, isRtl(saved));

// Work still running when the app locks stops at the closed vault (vault.ts says why that loses nothing):
// not an error to report.
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof VaultClosed) event.preventDefault();
});

render(<App />, document.getElementById('app') as HTMLElement);

// A new version waits for the user's say, so it never reloads over unsaved work.
const update = registerSW({
  onNeedRefresh() {
    const bar = document.createElement('div');
    bar.className = 'update';
    const button = document.createElement('button');
    // The page's language is the one on screen (applyToDocument keeps <html lang> in step with it).
    button.textContent = translate(document.documentElement.lang || 'en', 'app.newVersion');
    button.onclick = () => void update(true);
    bar.append(button);
    document.body.append(bar);
  },
});
