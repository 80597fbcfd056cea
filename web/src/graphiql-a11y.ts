// What axe-core finds in GraphiQL 5's own markup, put right in the page after React draws it (GraphiQL offers no
// option for it): its operation tabs are `role="tab"` items that hold two buttons (the tab and its close button),
// which a screen reader cannot reach inside a tab ("nested-interactive"). They become what they behave as: a list of
// buttons, the open operation's marked `aria-current`.

/** Puts the tabs right under `root`, now and whenever GraphiQL redraws them. */
export function keepGraphiqlAccessible(root: Element): void {
  const fix = () => {
    for (const list of root.querySelectorAll('ul.graphiql-tabs[role="tablist"]')) {
      list.removeAttribute('role');
    }
    for (const item of root.querySelectorAll('li.graphiql-tab')) {
      const active = item.classList.contains('graphiql-tab-active');
      if (item.hasAttribute('role')) item.removeAttribute('role');
      if (item.hasAttribute('aria-selected')) item.removeAttribute('aria-selected');
      const button = item.querySelector('button.graphiql-tab-button');
      if (!button) continue;
      if (active && button.getAttribute('aria-current') !== 'true') button.setAttribute('aria-current', 'true');
      if (!active && button.hasAttribute('aria-current')) button.removeAttribute('aria-current');
    }
  };
  fix();
  new MutationObserver(fix).observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['role', 'aria-selected', 'class'],
  });
}
