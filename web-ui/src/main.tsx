// Entry point: styles (rrweb's replayer CSS first, ours after), then the app.
import 'rrweb/dist/style.css';
import './styles/index.css';
import { render } from 'preact';
import { App } from './app';

render(<App />, document.getElementById('app')!);
