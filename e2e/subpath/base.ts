/** The base path the sub-path build (`npm run build:sub`) is made for and served under in the e2e run. */
export const subBase = '/nb/sub/';
/** The public address it is built with (`SITE_URL`): shared links and QR codes point there. */
export const subSite = 'https://school.example';
