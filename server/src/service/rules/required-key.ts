import type { Rule } from '../types';
import { keyRange, openingLineRange } from './frontMatterHelpers';

export const requiredKey: Rule = {
  meta: {
    id: 'required-key',
    defaultSeverity: 'error',
    description: {
      en: 'Keys the profile requires (Hexo: title, date, categories; Jekyll: title) must be present and have a value.',
      zh: '文档类型要求的键（Hexo：title、date、categories；Jekyll：title）必须存在且有值。',
    },
    messages: {
      missing: {
        en: 'Required key "{key}" is missing ({profile} front matter).',
        zh: '缺少必需的键“{key}”（{profile} 前置元数据）。',
      },
      empty: {
        en: 'Required key "{key}" has no value.',
        zh: '必需的键“{key}”没有值。',
      },
    },
    fixable: false,
  },
  check({ doc, profile, report }) {
    const frontMatter = doc.frontMatter;
    // Without a parsed front matter (none, unclosed, or broken YAML) other rules already say what is wrong.
    if (!frontMatter?.yaml || frontMatter.problems.length > 0) return;
    for (const key of profile.required) {
      const entry = doc.entry(key);
      if (!entry) report({ messageId: 'missing', data: { key, profile: profile.name }, range: openingLineRange(doc) });
      else if (entry.value === null) report({ messageId: 'empty', data: { key }, range: keyRange(doc, entry) });
    }
  },
};
