// The sessionStorage key under which a closed box is remembered, shared by `isRememberedClosed`
// (./closable.js, read on connect) and `closeBox` (./close-box.js, loaded lazily by some widgets).
// Its own module so neither of those drags the other into a bundle.

/** @internal '' when the host does not remember closes. (Code kept terse: it ships in every closable widget.) */
export const storageKey = (host: Element): string => {
  const value = host.getAttribute('remember-close');
  return value == null ? '' : 'news-widgets:closed:' + (value || host.localName);
};
