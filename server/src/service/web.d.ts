/**
 * The one web-platform global the service uses, present in Node.js and in browsers alike; with
 * `types: []` nothing else outside ECMAScript is declared, so a Node.js-only API fails the build.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
}
