/** A complete 保密审查 for tests that approve items (every item ticked, an opinion). */
import { CONFIDENTIALITY_CHECK_KEYS, DEFAULT_OPINION } from './confidentiality.rules.ts';

export const COMPLETE_REVIEW = { checks: [...CONFIDENTIALITY_CHECK_KEYS], opinion: DEFAULT_OPINION };
