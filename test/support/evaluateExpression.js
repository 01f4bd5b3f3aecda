// @ts-check
/**
 * Evaluates the JavaScript inside an n8n credential expression with a given `$self`, so unit
 * tests can check the text the credentials hand to n8n. (Kept out of .ts files: the community
 * lint rules forbid `Function` there, rightly so for node code.)
 * @param {string} javascript
 * @param {Record<string, unknown>} self
 */
function evaluateWithSelf(javascript, self) {
	return new Function('$self', `return ${javascript};`)(self);
}

module.exports = { evaluateWithSelf };
