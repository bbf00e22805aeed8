import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import type { Locale } from '@fayuan/domain';
import { AppError } from '../errors.ts';

/** Words every Fayuan password is checked against besides the user's own name and login. */
const PRODUCT_WORDS = ['fayuan', 'falvyuanzhu', 'falv', 'yuanzhu', 'legalaid', 'legal', 'aid', 'admin'];

/**
 * The library is given its warning and suggestion keys as their own "translations", so its feedback
 * comes back as stable keys that this file words in both locales.
 */
const keysOf = <T extends Record<string, string>>(messages: T) =>
  Object.fromEntries(Object.keys(messages).map((key) => [key, key])) as { [K in keyof T]: string };

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: {
    warnings: keysOf(english.translations.warnings),
    suggestions: keysOf(english.translations.suggestions),
    timeEstimation: english.translations.timeEstimation,
  },
});

type WarningKey = keyof typeof english.translations.warnings;
type SuggestionKey = keyof typeof english.translations.suggestions;

const WARNINGS_ZH: Record<WarningKey, string> = {
  straightRow: '键盘上连续的一行按键很容易被猜到。',
  keyPattern: '简短的键盘图案很容易被猜到。',
  simpleRepeat: '重复的字符（如 "aaa"）很容易被猜到。',
  extendedRepeat: '重复的字符组合（如 "abcabcabc"）很容易被猜到。',
  sequences: '常见的字符序列（如 "abc"、"123"）很容易被猜到。',
  recentYears: '最近的年份很容易被猜到。',
  dates: '日期很容易被猜到。',
  topTen: '这是最常用的密码之一。',
  topHundred: '这是非常常用的密码。',
  common: '这是常用密码。',
  similarToCommon: '与常用密码过于相似。',
  wordByItself: '单个单词很容易被猜到。',
  namesByThemselves: '单独的姓名很容易被猜到。',
  commonNames: '常见的姓名很容易被猜到。',
  userInputs: '不应包含个人信息或与本系统相关的词。',
  pwned: '该密码已在网上的数据泄露中出现。',
};

const SUGGESTIONS_ZH: Record<SuggestionKey, string> = {
  l33t: '避免用可预测的字符替换（如用 "@" 代替 "a"）。',
  reverseWords: '避免把常用词倒过来拼写。',
  allUppercase: '大写部分字母，而不是全部。',
  capitalization: '不只首字母大写。',
  dates: '避免与自己相关的日期和年份。',
  recentYears: '避免最近的年份。',
  associatedYears: '避免与自己相关的年份。',
  sequences: '避免常见的字符序列。',
  repeated: '避免重复的单词和字符。',
  longerKeyboardPattern: '使用更长的键盘图案，并多次改变输入方向。',
  anotherWord: '再加入一些不常见的词。',
  useWords: '使用多个不相关的词，但避免常见短语。',
  noNeed: '无需符号、数字或大写字母也能设置强密码。',
  pwned: '如在其他地方使用过此密码，请一并更改。',
};

function word(locale: Locale, kind: 'warnings' | 'suggestions', key: string): string | undefined {
  if (kind === 'warnings') {
    const k = key as WarningKey;
    return locale === 'en-US' ? english.translations.warnings[k] : WARNINGS_ZH[k];
  }
  const k = key as SuggestionKey;
  return locale === 'en-US' ? english.translations.suggestions[k] : SUGGESTIONS_ZH[k];
}

export interface PasswordStrength {
  /** 0 (guessed at once) … 4 (very hard to guess), zxcvbn's scale. */
  score: number;
  warning: string | null;
  suggestions: string[];
}

/** Scores a password against the dictionaries, the product's words and the person's own details. */
export function passwordStrength(password: string, personal: readonly string[] = []): PasswordStrength {
  const inputs = [...PRODUCT_WORDS, ...personal.filter((s) => s.trim().length > 0)];
  const result = zxcvbn.check(password, inputs);
  return {
    score: result.score,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}

/** The library's feedback in a locale: the warning first, then the suggestions. */
export function strengthFeedback(strength: PasswordStrength, locale: Locale): string {
  const parts = [
    ...(strength.warning ? [word(locale, 'warnings', strength.warning)] : []),
    ...strength.suggestions.map((s) => word(locale, 'suggestions', s)),
  ].filter((s): s is string => s !== undefined);
  return parts.join(locale === 'en-US' ? ' ' : '');
}

/**
 * Refuses a password a guesser would find quickly (`Password123`, `aaaaaaaaa1`): 400
 * PASSWORD_TOO_GUESSABLE with the library's feedback as keys in the details and in words in the message.
 */
export function assertPasswordNotGuessable(
  password: string,
  personal: readonly string[],
  minScore: number,
): void {
  const strength = passwordStrength(password, personal);
  if (strength.score >= minScore) return;
  throw new AppError(
    'PASSWORD_TOO_GUESSABLE',
    {
      score: strength.score,
      requiredScore: minScore,
      warning: strength.warning,
      suggestions: strength.suggestions,
    },
    { 'zh-CN': strengthFeedback(strength, 'zh-CN'), 'en-US': strengthFeedback(strength, 'en-US') },
  );
}
