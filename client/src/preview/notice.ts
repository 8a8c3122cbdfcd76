// What the preview shows instead of a document: while it is being cleaned, and when that failed
// (with a Retry button that media/preview.js answers with `{type: 'retry'}`). Plain HTML, no
// `vscode` import, so the browser test renders exactly this under the preview's CSP.

export interface Notice {
  kind: 'loading' | 'error';
  title: string;
  detail?: string;
  /** The Retry button's label; no button without it. */
  retry?: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function noticeHtml(notice: Notice): string {
  const role = notice.kind === 'error' ? 'alert' : 'status';
  const detail = notice.detail ? `<p class="pd-notice-detail">${escape(notice.detail)}</p>` : '';
  const retry = notice.retry ? `<button type="button" class="pd-retry" data-action="retry">${escape(notice.retry)}</button>` : '';
  return `<div class="pd-notice pd-notice-${notice.kind}" role="${role}"><p class="pd-notice-title">${escape(notice.title)}</p>${detail}${retry}</div>`;
}
