/**
 * File paths from `file:` uris without `node:url` or `node:path`, so the service runs in a browser
 * too. Paths use `/`; a Windows drive letter is lower-cased (`c:/…`), as VS Code writes it in uris.
 */

function withLowerDrive(path: string): string {
  return /^[A-Za-z]:/.test(path) ? path[0].toLowerCase() + path.slice(1) : path;
}

/** The file path of a `file:` uri, undefined for any other scheme (`untitled:`, `vscode-vfs:`). */
export function filePath(uri: string): string | undefined {
  const match = /^file:\/\/[^/]*(\/[^?#]*)/i.exec(uri);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return /^\/[A-Za-z]:/.test(path) ? withLowerDrive(path.slice(1)) : path;
}

/** The last segment of a uri, decoded (as written when it does not decode): a file's or a folder's name. */
export function fileName(uri: string): string {
  const trimmed = uri.replace(/\/+$/, '');
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

const URI_WITH_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `file:///…` for a file path (either separator; a drive letter written as VS Code writes it, `c%3A`). */
export function fileUri(path: string): string {
  const slashed = withLowerDrive(path.replace(/\\/g, '/'));
  return `file://${slashed.startsWith('/') ? '' : '/'}${slashed.split('/').map(encodeURIComponent).join('/')}`;
}

/** Whether two uris name the same resource (`file:///C:/x` and VS Code's `file:///c%3A/x` do). */
export function sameResource(a: string, b: string): boolean {
  const fileA = filePath(a);
  return fileA !== undefined ? fileA === filePath(b) : a === b;
}

/**
 * The path of a uri relative to a root folder, for the config's globs: the root is a file path
 * (either separator) or, for a folder that is not on disk (github.dev's `vscode-vfs:`), the folder's
 * uri. The absolute path of a `file:` uri when there is no root; undefined for files outside the
 * root and for other schemes without a root.
 */
export function relativePath(uri: string, root: string | undefined): string | undefined {
  if (root !== undefined && URI_WITH_AUTHORITY.test(root)) {
    const base = root.replace(/\/+$/, '');
    if (!uri.startsWith(`${base}/`)) return undefined;
    try {
      return decodeURIComponent(uri.slice(base.length + 1).replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
  }
  const file = filePath(uri);
  if (file === undefined || root === undefined) return file;
  const base = withLowerDrive(root.replace(/\\/g, '/')).replace(/\/+$/, '');
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : undefined;
}
