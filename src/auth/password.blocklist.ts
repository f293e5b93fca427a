/**
 * Common and guessable passwords (pure data; the admin app's form uses it too). Two lists:
 * whole passwords seen at the top of public breach lists (compared lower-cased), and words that
 * make a password guessable whatever digits or symbols are put around them (`Password1!`,
 * `Qwerty12345`, `Gongkai2026`: a word plus a year is the first thing an attacker tries).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890', '12345678910', '1qaz2wsx3edc', '1qaz@wsx#edc', '1qaz!qaz2wsx', '1q2w3e4r5t',
  '1q2w3e4r5t6y', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'zaq12wsxcde3', 'zaq1@wsx', 'qwer1234!@#$', 'qwer!@#$1234',
  'asdf1234!@#$', '!qaz2wsx', '!qaz@wsx', '1qaz@wsx', 'aa123456789', 'abc123456789', 'abcd12345678',
  'a123456789!', 'a1b2c3d4e5', 'a1b2c3d4e5f6', '123qweasdzxc', 'qweasdzxc123', 'qwe123!@#', 'qwe!@#123',
  'asd123!@#', '147258369!', '741852963!', '5201314520', 'woaini1314', 'iloveyou1314',
]);

export const GUESSABLE_WORDS: ReadonlySet<string> = new Set([
  // keyboard walks and sequences
  'qwerty', 'qwertyuiop', 'qwert', 'qwer', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm',
  'qazwsx', 'qazwsxedc', 'qweasd', 'qweasdzxc', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh',
  'aaa', 'aaaa', 'aaaaaa', 'qaz', 'wsx', 'qwe', 'asd', 'zxc', 'aa', 'a', 'q', 'x',
  // password words, in several spellings
  'password', 'passw', 'passwd', 'passwort', 'pass', 'pwd', 'mima', 'secret', 'letmein', 'welcome',
  'changeme', 'default', 'login', 'admin', 'administrator', 'root', 'user', 'guest', 'test', 'master',
  'superman', 'iloveyou', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'shadow',
  'michael', 'trustno', 'hello', 'whatever', 'freedom', 'computer', 'internet', 'system', 'server',
  'manager', 'office', 'service', 'security', 'temp', 'temporary', 'winter', 'summer', 'spring', 'autumn',
  // Chinese pinyin favourites
  'woaini', 'wodemima', 'zhongguo', 'china', 'beijing', 'shanghai', 'aini', 'nihao', 'zhangwei', 'wangwei',
  'liwei', 'wangfang', 'zhangsan', 'lisi', 'wangwu', 'yonghu', 'guanliyuan', 'xitong', 'mimamima',
  // this platform and its demo body: the site name plus a year
  'gongkai', 'zhengwu', 'zhengfu', 'xinxi', 'gongkaiban', 'xinxigongkai', 'zhengwugongkai', 'shilong', 'shilongqu',
  'pingdingshan', 'henan', 'gov', 'government',
]);
