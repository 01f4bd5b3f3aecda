export const UTM_KEYS: Array<[string, string]> = [
	['utm_campaign', 'Campaign'],
	['utm_content', 'Content'],
	['utm_medium', 'Medium'],
	['utm_source', 'Source'],
	['utm_term', 'Term'],
	['url', 'URL'],
	['referer', 'Referer'],
	['useragent', 'User Agent'],
	['remotehost', 'Remote Host'],
	['query', 'Query'],
	['lastActive', 'Last Active'],
];
