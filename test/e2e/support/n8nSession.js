// @ts-check
/** The e2e suite drives n8n through the session class the scripts share. */
module.exports = require('../../../scripts/lib/n8nSession');
