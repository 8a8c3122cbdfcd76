/**
 * The HTML page around a cleaned document: the webview's page (strict CSP, own stylesheet, own
 * script by nonce) and the stand-alone exported page. The webview and the browser test both use
 * `previewPage`, so the test runs exactly what the editor shows. No `vscode` import here.
 */
import { escapeHtml } from './sanitize';

export interface PreviewPageOptions {
  /** The cleaner's HTML fragment. */
  html: string;
  title: string;
  /** The webview's `cspSource` (the origin its own resources are served from). */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  nonce: string;
  /** Setting `policydoc.preview.images`: allow remote (https) and data: images. */
  images: boolean;
  showRemoved: boolean;
}

export function makeNonce(): string {
  // Web Crypto: the same in Node and in VS Code for the Web.
  return Array.from(crypto.getRandomValues(new Uint8Array(18)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function previewCsp(cspSource: string, nonce: string, images: boolean): string {
  const img = images ? `${cspSource} https: data:` : cspSource;
  return `default-src 'none'; style-src ${cspSource}; img-src ${img}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-src 'none'`;
}

/** The page both variants share: policy, title, what goes in the head, the body's class and its end. */
function page(parts: { csp: string; title: string; head: string; bodyClass: string; afterMain?: string; html: string }): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(parts.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${parts.head}
<title>${escapeHtml(parts.title)}</title>
</head>
<body class="${parts.bodyClass}">
<main id="pd-root">${parts.html}</main>
${parts.afterMain ?? ''}</body>
</html>
`;
}

export function previewPage(options: PreviewPageOptions): string {
  const { html, title, cspSource, styleUri, scriptUri, nonce, images, showRemoved } = options;
  return page({
    csp: previewCsp(cspSource, nonce, images),
    title,
    head: `<link rel="stylesheet" href="${escapeHtml(styleUri)}">`,
    bodyClass: `pd-preview${showRemoved ? ' pd-show-removed' : ''}`,
    afterMain: `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptUri)}"></script>\n`,
    html,
  });
}

/** A page to save beside the source: the stylesheet inlined, no script at all. */
export function standalonePage(html: string, title: string, css: string): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; base-uri 'none'; form-action 'none'";
  return page({ csp, title, head: `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`, bodyClass: 'pd-export', html });
}
