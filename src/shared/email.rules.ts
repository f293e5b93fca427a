/** The e-mail shape every form accepts (applications, the 指南, the digest setting), shared with the admin app. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MESSAGE = '电子邮箱格式不正确';
