export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter_and_digit' | 'contains_username';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Staff passwords guard personal data of applicants: length first, plus letters and digits. */
export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('needs_letter_and_digit');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('contains_username');
  return problems;
}
