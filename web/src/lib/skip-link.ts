// The skip link every page's HTML starts with (src/http/pages.ts): its text in the page's language, and a click
// (or Enter) that moves the focus to the main content itself, leaving the address as it is.
import { currentLang } from './i18n';

const TEXT = { en: 'Skip to main content', nl: 'Naar de hoofdinhoud' };

export function mountSkipLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('a.skip-link');
  if (!link) return;
  const lang = currentLang();
  link.textContent = TEXT[lang];
  link.lang = lang;
  link.addEventListener('click', (event) => {
    const target = document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
  });
}
