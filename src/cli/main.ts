/**
 * `gongkai <command> [options]`. Parses the command name (one or two words), dispatches, and
 * turns errors into exit codes: UsageError → 2, AppError and others → 1, with a Chinese message.
 */
import { AppError } from '../shared/app-error.ts';
import { ConfigError } from '../config/config.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './command.ts';
import { commands } from './commands/index.ts';

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'gongkai — 政府信息公开平台命令行',
    '',
    '用法：gongkai <命令> [选项]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令的选项：gongkai <命令> --help',
    '退出码：0 成功；1 发现问题或失败；2 用法错误',
  ].join('\n');
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const two = commands.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { command: two, rest: argv.slice(2) };
  const one = commands.find((c) => c.name === argv[0]);
  return one ? { command: one, rest: argv.slice(1) } : null;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText());
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`未知命令：${argv.join(' ')}\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.stdout(`${found.command.summary}\n\n用法：${found.command.usage}`);
    return EXIT_OK;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`用法错误：${e.message}\n用法：${found.command.usage}`);
      return EXIT_USAGE;
    }
    if (e instanceof ConfigError) {
      io.stderr(e.message);
      return EXIT_FAILURE;
    }
    if (e instanceof AppError) {
      io.stderr(`错误（${e.code}）：${e.message}`);
      return EXIT_FAILURE;
    }
    io.stderr(`错误：${(e as Error).message}`);
    return EXIT_FAILURE;
  }
}
