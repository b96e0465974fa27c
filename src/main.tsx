import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootstrap } from './app/bootstrap';
import '@fontsource/noto-sans-jp/400.css';
import './index.css';
import JA_GLYPHS from 'virtual:kne-ja-glyphs';
import { glyphPreparer } from './platform/fonts';

const prepareLang = glyphPreparer(JA_GLYPHS);
const store = bootstrap(prepareLang);
// Japanese text is first drawn with its glyphs loaded (platform/fonts.ts: no boxes that stay).
await prepareLang(store.getState().lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
