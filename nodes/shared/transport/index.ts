export {
	mauticRequest,
	mauticError,
	failureOf,
	subjectOf,
	instanceRootOf,
	setMaxRetries,
	type MauticRequest,
	type MauticResponse,
} from './request';
export { authenticationOf, CREDENTIAL_TYPE, type MauticContext } from './context';
export { lastSeenMauticVersion, majorVersion } from './mauticVersion';
export { keysInWrittenOrder, topLevelObjectKeys } from './orderedJson';
export { describeFailure, type AuthenticationMethod, type RequestSubject } from './describeFailure';
export {
	mauticErrorEntries,
	parseResponseText,
	type MauticFailure,
	type MauticErrorEntry,
} from './failure';
export { instanceRoot, apiUrl } from './baseUrl';
export { whenRecordExists, whenAllRecordsExist, PUT_NOT_REPEATED } from './repeatableIf';
export { baseUrlProblem, hostOf } from './baseUrl';
export { batchLimitOf, isRetryableFailure, mayHaveBeenApplied } from './retryPolicy';
