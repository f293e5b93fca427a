// The case statuses for the list filter, in the order a case passes through them.
import { STATUS_LABELS } from '../../applications/applications.state.rules.ts';

export const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));
