/** Every configuration problem at once; its own module so the CLI can catch it without loading zod. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
