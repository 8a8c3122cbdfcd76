import { ENABLE_SETTINGS, type EnableSetting } from '../service';

/** Reads `policydoc.enable`; anything else than its three values is the default, `auto`. */
export function readEnable(section: unknown): EnableSetting {
  const value = typeof section === 'object' && section !== null ? (section as { enable?: unknown }).enable : undefined;
  return ENABLE_SETTINGS.find((setting) => setting === value) ?? 'auto';
}

/**
 * `policydoc.enable` is a resource setting: each file may have its own (folder settings, language
 * overrides), pulled with its uri as `scopeUri` and kept until the settings change or the file closes.
 */
export class EnableSettings {
  private readonly pulled = new Map<string, Promise<EnableSetting>>();

  constructor(private readonly pull: ((uri: string) => Promise<unknown>) | undefined, private pushed: EnableSetting = 'auto') {}

  get(uri: string): Promise<EnableSetting> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let setting = this.pulled.get(uri);
    if (!setting) {
      setting = this.pull(uri).then(readEnable, () => 'auto' as const);
      this.pulled.set(uri, setting);
    }
    return setting;
  }

  /** The settings changed: pull again; a client that pushes its settings gives them here. */
  reset(pushedSection?: unknown): void {
    this.pulled.clear();
    if (pushedSection !== undefined) this.pushed = readEnable(pushedSection);
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }
}
