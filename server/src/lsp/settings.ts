import type { LanguageService } from '../service';
import type { PolicydocConfig } from '../service/config';

export const DEFAULT_DEBOUNCE_MS = 100;

/** The `policydoc.*` editor settings the server uses. */
export interface EditorSettings {
  rules: NonNullable<PolicydocConfig['rules']>;
  debounceMs: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the `policydoc` settings section. Rule settings are checked by the same validator as
 * `.policydocrc.json`, so a bad value in the editor settings is dropped (and reported) instead of used.
 */
export function readEditorSettings(section: unknown, service: LanguageService, log: (message: string) => void): EditorSettings {
  const settings = isObject(section) ? section : {};
  const validate = isObject(settings.validate) ? settings.validate : {};
  const debounce = validate.debounceMs;
  const debounceMs = typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : DEFAULT_DEBOUNCE_MS;
  if (!isObject(settings.rules)) return { rules: {}, debounceMs };
  const { config, diagnostics } = service.checkConfig(JSON.stringify({ rules: settings.rules }));
  for (const diagnostic of diagnostics) log(`policydoc.rules: ${diagnostic.message}`);
  return { rules: config.rules ?? {}, debounceMs };
}
