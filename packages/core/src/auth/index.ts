export { serverRoot, isPortalUrl } from "./server-root.js";
export { Token, type TokenInit } from "./token.js";
export type { TokenProvider, TokenProviderOptions } from "./token-provider.js";
export { PasswordTokenProvider, type PasswordTokenProviderOptions } from "./password-token-provider.js";
export { generateToken, findTokenServiceUrl, type GenerateTokenOptions, type TokenClient } from "./generate-token.js";
export { Session, type SessionOptions, type Credentials, type ServerAuth, type TokenPlacement } from "./session.js";
export { getDefaultSession, setDefaultSession } from "./default-session.js";
