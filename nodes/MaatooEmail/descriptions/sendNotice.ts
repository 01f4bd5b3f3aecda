import type { INodeProperties } from 'n8n-workflow';

/** Shown on both send operations. */
export const sendNotice: INodeProperties = {
	displayName:
		"Sends are never repeated automatically: when Mautic's answer is lost (timeout, dropped connection, 502), the email may have gone out, so the item fails with a note to check the contact's email history before running it again",
	name: 'sendNotice',
	type: 'notice',
	default: '',
};

export const SEND_NOT_REPEATED =
	"a lost answer may mean Mautic has sent the email, and a repeat could send it twice. Check the email's stats or the contact's history in Mautic before running this item again";
