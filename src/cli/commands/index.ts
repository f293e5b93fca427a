/** The command registry: each feature adds its command files here. */
import type { Command } from '../command.ts';

export const commands: Command[] = [];
