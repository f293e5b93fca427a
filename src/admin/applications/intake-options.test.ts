// The admin form's copies of the intake choices must equal the server's rules.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import * as server from '../../applications/intake.rules.ts';
import { CHANNELS } from '../../applications/applications.events.ts';
import { DELIVERY_WANTED, FORMS_WANTED, ID_KINDS, RECEIPT_RULES, RECEIPT_RULE_TEXT } from './intake-options.ts';

it('offers exactly the server’s identity kinds, forms, delivery ways and Art. 31 receipt rules', () => {
  assert.deepEqual(ID_KINDS, server.ID_KINDS);
  assert.deepEqual(FORMS_WANTED, server.FORMS_WANTED);
  assert.deepEqual(DELIVERY_WANTED, server.DELIVERY_WANTED);
  assert.deepEqual(RECEIPT_RULES, server.RECEIPT_RULES);
  assert.deepEqual(Object.keys(RECEIPT_RULE_TEXT).sort(), [...CHANNELS].sort());
});
