// The password rules people are told about. Plain data, safe in the browser: pages import the
// hint from here. Which passwords are refused as too common is decided on the server only, in
// `password-policy.server.ts`, so its list of common passwords never reaches the browser.

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password you can remember.`;
