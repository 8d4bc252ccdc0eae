// settings_document.test.mjs: the form values → settings/v1 mapping the
// widget sends to the core (web/widget/settings_document.js), under node:
// the module touches no DOM.
//
//   node --test tests/web/settings_document.test.mjs   (part of ctest web.widget)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settings_from_form, without_secrets, form_values_from_settings } from '../../web/widget/settings_document.js';

const blank = { host: '', port: '', security: '', username: '', password: '', from: '', platform: '',
  platform_version: '', verified_senders: '' };

test('an untouched empty form sends nothing', () => {
  assert.deepEqual(settings_from_form(blank, new Set()), {});
});

test('a field typed in and cleared is sent empty, so the core reports it missing', () => {
  assert.deepEqual(settings_from_form(blank, new Set(['host', 'password'])), { host: '', password: '' });
});

test('values are sent as typed, spaces included', () => {
  const settings = settings_from_form({ ...blank, host: ' smtp.postmarkapp.com', password: 'token\n' }, new Set());
  assert.deepEqual(settings, { host: ' smtp.postmarkapp.com', password: 'token\n' });
});

test('a port of digits is a number; anything else goes as typed for the core to judge', () => {
  assert.equal(settings_from_form({ ...blank, port: '587' }, new Set()).port, 587);
  assert.equal(settings_from_form({ ...blank, port: '58 7' }, new Set()).port, '58 7');
  assert.equal(settings_from_form({ ...blank, port: '-1' }, new Set()).port, '-1');
});

test('platform, its version and the verified senders', () => {
  const settings = settings_from_form({ ...blank, platform: 'phpmailer', platform_version: ' 5.6 ',
    verified_senders: 'acme.io, billing@acme.io;\nother.io' }, new Set());
  assert.deepEqual(settings, { platform: { id: 'phpmailer', version: '5.6' },
    verified_senders: ['acme.io', 'billing@acme.io', 'other.io'] });
});

test('a link never gets the username or password', () => {
  assert.deepEqual(without_secrets({ host: 'h', username: 'u', password: 'p', port: 587 }), { host: 'h', port: 587 });
});

test('settings from a link fill only the fields they carry, and never credentials', () => {
  const values = form_values_from_settings({ host: 'smtp.postmarkapp.com', port: 465, security: 'tls',
    username: 'u', password: 'p', platform: { id: 'nodemailer', version: '20' }, verified_senders: ['a.io', 'b.io'] });
  assert.deepEqual(values, { host: 'smtp.postmarkapp.com', port: '465', security: 'tls', platform: 'nodemailer',
    platform_version: '20', verified_senders: 'a.io, b.io' });
});
