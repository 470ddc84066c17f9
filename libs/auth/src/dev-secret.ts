/**
 * The secret `npm start` uses when JWT_SECRET is not set, so a newcomer can mint tokens with
 * `npm run token`. The all-in-one runner warns when it uses it; the services alone never do.
 */
export const DEV_JWT_SECRET = 'parley-development-secret-do-not-use-in-production';
