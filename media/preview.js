// The clean preview's own script (loaded by nonce): live updates, scroll following, "show what was removed",
// the Retry button of the error state, and the previewed document's uri kept for a window reload.
// It never evaluates document content; the HTML it inserts comes sanitised from the language server.
(function () {
  'use strict';
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('pd-root');

  function setShowRemoved(on) {
    document.body.classList.toggle('pd-show-removed', on === true);
  }

  /** Scrolls to the (first) visible block of the last source line at or before the editor's top line. */
  function scrollToLine(line) {
    let target;
    let targetLine = -1;
    for (const element of root.querySelectorAll('.pd-body [data-line]')) {
      const blockLine = Number(element.getAttribute('data-line'));
      if (blockLine > line) break;
      if (blockLine > targetLine && element.getClientRects().length > 0) {
        target = element;
        targetLine = blockLine;
      }
    }
    if (target) target.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      const y = window.scrollY;
      root.innerHTML = message.html;
      window.scrollTo(0, y);
    } else if (message.type === 'scroll' && typeof message.line === 'number') {
      scrollToLine(message.line);
    } else if (message.type === 'showRemoved') {
      setShowRemoved(message.value);
    } else if (message.type === 'state' && typeof message.uri === 'string') {
      // VS Code hands this state to the extension's serializer when it restores the panel.
      if (vscode) vscode.setState({ uri: message.uri });
    }
  });

  // Links open outside the preview (the extension decides which schemes), never inside it. The
  // error state's Retry button asks the extension to render again.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('[data-action="retry"]')) {
      if (vscode) vscode.postMessage({ type: 'retry' });
      return;
    }
    const link = target ? target.closest('a[href]') : null;
    if (!link) return;
    event.preventDefault();
    if (vscode) vscode.postMessage({ type: 'open', href: link.getAttribute('href') });
  });

  if (vscode) vscode.postMessage({ type: 'ready' });
})();
