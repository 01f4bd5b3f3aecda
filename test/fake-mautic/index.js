// @ts-check
'use strict';

/** Fake Mautic server for integration tests and the sandbox. See server.js for the behaviour. */

const { startFakeMautic, DEFAULT_USERS, DEFAULT_CLIENTS } = require('./server');
const { encode, PhpArray } = require('./php-json');
const { sign } = require('./webhooks');

module.exports = {
	startFakeMautic,
	DEFAULT_USERS,
	DEFAULT_CLIENTS,
	phpJsonEncode: encode,
	PhpArray,
	signWebhookBody: sign,
};
