// Role choices for selects, labelled in Chinese from the shared role table.
import { ROLE_NAMES, ROLES } from '../../auth/roles.ts';

export const ROLE_OPTIONS = ROLE_NAMES.map((r) => ({ value: r, label: ROLES[r].label, title: ROLES[r].description }));
