// @ts-check
'use strict';

/**
 * The three error envelopes Mautic produces, each with its own key order and encoder:
 *  - controller (FetchCommonApiController::returnError): {code, message, details} (no type: a real 5.1 sends none), with Mautic-Version
 *  - subscriber/OAuth rewrite (ApiSubscriber, Symfony JsonResponse): {message, code, type}, no Mautic-Version
 *  - ExceptionController (router 404/405, uncaught exceptions): {message, code, type:null}, no Mautic-Version
 */

const { PhpArray } = require('./php-json');

const MESSAGES = {
	notFound: 'Item was not found.',
	contactNotFound: 'Contact not found.',
	accessDenied: 'You do not have access to the requested area/action.',
	badRequest: 'This is a bad request.',
	apiDisabled:
		"API disabled. You need to enable the API in the API settings of Mautic's Configuration.",
	basicDisabled:
		"Basic Auth disabled. You need to enable HTTP basic auth in the API settings of Mautic's Configuration.",
	basicInvalid: 'Authorization denied, invalid credentials.',
	authDenied: 'API authorization denied.',
	tokenInvalid: 'The access token provided is invalid.',
	tokenExpired: 'The access token provided has expired.',
	idMissing: 'ID is missing from the payload.',
	/** @param {number} limit */
	batchLimit: (limit) => `A max of ${limit} entities are supported at a time.`,
};

/** @param {number} status */
function genericMessage(status) {
	return `Looks like I encountered an error (error #${status}). If I do it again, please report me to the system administrator!`;
}

/**
 * @typedef {{ status: number, headers?: Record<string, string|string[]>, body?: unknown, raw?: string|Buffer, hex?: boolean, controller?: boolean }} Reply
 */

/**
 * Controller error (returnError). `details` defaults to PHP [] (JSON []).
 * @param {number} code
 * @param {string} message
 * @param {unknown} [details]
 * @returns {Reply}
 */
function controllerError(code, message, details) {
	return {
		status: code,
		controller: true,
		body: { errors: [controllerErrorItem(code, message, details)] },
	};
}

/**
 * @param {number} code
 * @param {string} message
 * @param {unknown} [details]
 */
function controllerErrorItem(code, message, details) {
	return { code, message, details: details === undefined ? new PhpArray() : details };
}

/**
 * ApiSubscriber / OAuth rewrite envelope (Symfony JsonResponse => JSON_HEX_* flags).
 * @param {number} code
 * @param {string} message
 * @param {string|null} type
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
function subscriberError(code, message, type, headers) {
	return { status: code, hex: true, headers, body: { errors: [{ message, code, type }] } };
}

/**
 * ExceptionController envelope.
 * @param {number} code
 * @param {string} [message] shown only for not-found/access-denied/unexpected-value exceptions
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
function exceptionError(code, message, headers) {
	return {
		status: code,
		hex: true,
		headers,
		body: {
			errors: [
				{ message: message === undefined ? genericMessage(code) : message, code, type: null },
			],
		},
	};
}

/**
 * Form validation failure: 422 when any violation is a uniqueness violation, else 400.
 * @param {{ field: string, message: string, code?: number }[]} violations
 */
function validationError(violations) {
	/** @type {Record<string, string[]>} */
	const details = {};
	for (const v of violations) (details[v.field] = details[v.field] || []).push(v.message);
	const message = Object.entries(details)
		.map(([f, msgs]) => `${f}: ${msgs.join(', ')}`)
		.join(', ');
	const code = violations.some((v) => v.code === 422) ? 422 : 400;
	return { code, message, details };
}

/** Thrown by handlers to produce an ExceptionController-style 500 (like an uncaught PHP exception). */
class ServerException extends Error {
	/** @param {number} [status] @param {string} [message] */
	constructor(status = 500, message) {
		super(message || genericMessage(status));
		this.status = status;
		this.shownMessage = message;
	}
}

module.exports = {
	MESSAGES,
	genericMessage,
	controllerError,
	controllerErrorItem,
	subscriberError,
	exceptionError,
	validationError,
	ServerException,
};
