export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password you can remember.`;

// Passwords of 12 or more characters that appear near the top of breached-password lists.
// Shorter ones are already refused by the length rule.
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "12345678910",
  "123456123456",
  "111111111111",
  "000000000000",
  "123123123123",
  "qwertyuiopas",
  "qwerty123456",
  "qwertyuiop123",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "q1w2e3r4t5y6",
  "zaq12wsxcde3",
  "password1234",
  "password12345",
  "password123456",
  "passwordpassword",
  "iloveyou1234",
  "abcdefghijkl",
  "abc123abc123",
  "aaaaaaaaaaaa",
  "welcome12345",
  "letmein12345",
  "changeme1234",
  "administrator",
  "adminadmin123",
  "football1234",
  "baseball1234",
  "sunshine1234",
  "princess1234",
  "trustno1trustno1",
  "monkey123456",
  "dragon123456",
  "qwertyqwerty",
  "asdfghjkl123",
  "zxcvbnm12345",
  "1234qwerasdf",
  "passw0rd1234",
  "p@ssword1234",
  "p@ssw0rd1234",
  "password!234",
  "museum123456",
  "library12345",
  "partnership1",
]);

export function isCommonPassword(password: string) {
  const lower = password.toLowerCase();
  return COMMON.has(lower) || /^(.)\1+$/.test(lower) || /^(.{1,4})\1+$/.test(lower);
}
