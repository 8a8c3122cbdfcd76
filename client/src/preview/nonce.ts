/** A fresh nonce for the webview's script tag (its Content-Security-Policy allows that script only). */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/[^A-Za-z0-9]/g, '');
}
