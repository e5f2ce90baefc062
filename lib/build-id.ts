// One id per `next build`, inlined by next.config.ts (`env`) into the server and the browser
// bundles alike: a wall whose bundle differs from the server's knows a new version is deployed.
export const BUILD_ID: string = process.env.LEVELBOARD_BUILD_ID ?? 'development';
