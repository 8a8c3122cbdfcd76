/**
 * The HTML page around a cleaned document: the webview's page (strict CSP, own stylesheet, own
 * script by nonce) and the stand-alone exported page. The webview and the browser test both use
 * `previewPage`, so the test runs exactly what the editor shows. No `vscode` import here.
 */
import { randomBytes } from 'node:crypto';
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
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function previewCsp(cspSource: string, nonce: string, images: boolean): string {
  const img = images ? `${cspSource} https: data:` : cspSource;
  return `default-src 'none'; style-src ${cspSource}; img-src ${img}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-src 'none'`;
}

export function previewPage(options: PreviewPageOptions): string {
  const { html, title, cspSource, styleUri, scriptUri, nonce, images, showRemoved } = options;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(cspSource, nonce, images))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="stylesheet" href="${escapeHtml(styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body class="pd-preview${showRemoved ? ' pd-show-removed' : ''}">
<main id="pd-root">${html}</main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptUri)}"></script>
</body>
</html>
`;
}

/** A page to save beside the source: the stylesheet inlined, no script at all. */
export function standalonePage(html: string, title: string, css: string): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; base-uri 'none'; form-action 'none'";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
${css.replace(/<\/style/gi, '<\\/style')}
</style>
</head>
<body class="pd-export">
<main id="pd-root">${html}</main>
</body>
</html>
`;
}
