import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import './styles.css';
import './casework.css';

render(<App />, document.getElementById('app') as HTMLElement);

// A new version waits for the user's say, so it never reloads over unsaved work.
const update = registerSW({
  onNeedRefresh() {
    const bar = document.createElement('div');
    bar.className = 'update';
    const button = document.createElement('button');
    button.textContent = 'New version — reload';
    button.onclick = () => void update(true);
    bar.append(button);
    document.body.append(bar);
  },
});
