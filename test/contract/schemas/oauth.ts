/** OAuth2 token answers (FOSOAuthServer). */
import { z } from 'zod';

const base = {
	access_token: z.string().min(20),
	expires_in: z.number().int().positive(),
	token_type: z.literal('bearer'),
	scope: z.null(),
};

/** client_credentials: no refresh token. */
export const clientCredentialsToken = z.object(base).strict();

/** authorization_code and refresh_token grants: a refresh token too. */
export const refreshableToken = z.object({ ...base, refresh_token: z.string().min(20) }).strict();
