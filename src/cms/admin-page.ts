/** The site's own additions to the editor (src/client/admin.ts), published beside Decap as this file. */
export const ADMIN_SCRIPT = "cms-setup.js";
