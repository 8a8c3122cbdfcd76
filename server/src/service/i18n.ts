import type { Locale, Message } from './types';

/** Fills `{name}` placeholders of a message in both languages. */
export function fill(message: Message, data: Record<string, string | number> = {}): Message {
  const replace = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
  return { en: replace(message.en), zh: replace(message.zh) };
}

/** `zh` for any Chinese locale tag (zh-cn, zh-tw, zh-hans, zh_CN.UTF-8…), `en` otherwise. */
export function toLocale(tag: string | undefined): Locale {
  return tag && /^zh(?![a-z])/i.test(tag) ? 'zh' : 'en';
}
