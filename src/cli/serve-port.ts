/** Where `npm start` serves the preview, and so the address `npm run new` prints. */
export const DEV_SERVER_PORT = Number(process.env.PORT ?? 8080);
