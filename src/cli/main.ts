/**
 * `gongkai <command> [options]`. Parses the command name (one or two words), dispatches, and
 * turns errors into exit codes: UsageError → 2, AppError and others → 1, with a Chinese message.
 */
import { AppError } from '../shared/app-error.ts';
import { ConfigError } from '../config/config-error.ts';
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

/** Loads every command for its summary: help is the one place that needs them all. */
export async function helpText(): Promise<string> {
  const all = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...all.map((c) => c.name.length));
  return [
    'gongkai — 政府信息公开平台命令行',
    '',
    '用法：gongkai <命令> [选项]',
    '',
    '命令：',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令的选项：gongkai <命令> --help',
    '退出码：0 成功；1 发现问题或失败；2 用法错误',
  ].join('\n');
}

async function findCommand(argv: string[]): Promise<{ command: Command; rest: string[] } | null> {
  const two = commands.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { command: await two.load(), rest: argv.slice(2) };
  const one = commands.find((c) => c.name === argv[0]);
  return one ? { command: await one.load(), rest: argv.slice(1) } : null;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(await helpText());
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const found = await findCommand(argv);
  if (!found) {
    io.stderr(`未知命令：${argv.join(' ')}\n\n${await helpText()}`);
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
