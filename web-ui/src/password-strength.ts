// A simple, explainable password strength estimate for the setup form.
export const MIN_PASSWORD_LENGTH = 10;

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
}

const COMMON = ['password', '123456', 'qwerty', 'letmein', 'welcome', 'admin', 'sightline', 'iloveyou', 'abc123'];

export function passwordStrength(password: string): Strength {
  if (password.length === 0) return { score: 0, label: '', hint: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (password.length < MIN_PASSWORD_LENGTH) {
    const left = MIN_PASSWORD_LENGTH - password.length;
    return { score: 0, label: 'Too short', hint: `${left} more character${left === 1 ? '' : 's'} needed.` };
  }
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word)) || /^(.)\1+$/.test(password)) {
    return { score: 1, label: 'Weak', hint: 'Avoid common words and repeated characters.' };
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  let points = classes - 1 + (password.length >= 14 ? 1 : 0) + (password.length >= 18 ? 1 : 0);
  if (new Set(password).size < password.length / 3) points -= 1;
  if (points <= 2) return { score: 2, label: 'Fair', hint: 'Longer is stronger: a few unrelated words work well.' };
  if (points <= 3) return { score: 3, label: 'Strong', hint: 'Good password.' };
  return { score: 4, label: 'Very strong', hint: 'Excellent password.' };
}
