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

/**
 * The path of a `file:` uri relative to a root folder (a file path, either separator), for the
 * config's globs; the absolute path when there is no root; undefined for other schemes and for
 * files outside the root.
 */
export function relativePath(uri: string, root: string | undefined): string | undefined {
  const file = filePath(uri);
  if (file === undefined || root === undefined) return file;
  const base = withLowerDrive(root.replace(/\\/g, '/')).replace(/\/+$/, '');
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : undefined;
}
